package dev.open311.spec.rule;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.model.Jurisdiction;
import java.util.List;

/**
 * Which jurisdiction a call is for. {@code jurisdiction_id} is optional while the endpoint serves
 * one jurisdiction and required once it serves several; a value naming none is a 404.
 */
public final class JurisdictionRules {

  private JurisdictionRules() {}

  /**
   * @param requested the {@code jurisdiction_id} parameter, null when absent or empty
   */
  public static Jurisdiction resolve(String requested, List<Jurisdiction> served) {
    if (requested == null) {
      if (served.size() == 1) {
        return served.get(0);
      }
      if (served.isEmpty()) {
        throw new NotFoundException("this endpoint serves no jurisdiction yet");
      }
      throw InvalidRequestException.missing("jurisdiction_id");
    }
    return served.stream()
        .filter(j -> j.jurisdictionId().equalsIgnoreCase(requested.trim()))
        .findFirst()
        .orElseThrow(() -> NotFoundException.jurisdiction(requested));
  }
}
