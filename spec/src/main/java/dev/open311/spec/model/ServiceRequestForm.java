package dev.open311.spec.model;

import java.util.List;
import java.util.Map;

/**
 * The raw fields of GeoReport v2 {@code POST requests}, as text, before any rule is applied.
 * Blank values are already dropped (an empty optional parameter counts as absent).
 *
 * @param attributes answers keyed by attribute code, every encoding of a multivaluelist merged
 */
public record ServiceRequestForm(
    String jurisdictionId,
    String serviceCode,
    String latitude,
    String longitude,
    String addressString,
    String addressId,
    String description,
    String mediaUrl,
    Requester requester,
    Map<String, List<String>> attributes) {

  public ServiceRequestForm {
    attributes = Map.copyOf(attributes);
  }
}
