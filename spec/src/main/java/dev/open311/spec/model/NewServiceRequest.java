package dev.open311.spec.model;

import java.util.List;

/**
 * A validated GeoReport v2 {@code POST requests}: everything needed to file it, nothing left to
 * check. Built only by {@link dev.open311.spec.rule.ServiceRequestRules}.
 */
public record NewServiceRequest(
    String jurisdictionId,
    String serviceCode,
    Location location,
    String description,
    String mediaUrl,
    Requester requester,
    List<AttributeAnswer> answers) {

  public NewServiceRequest {
    answers = List.copyOf(answers);
  }
}
