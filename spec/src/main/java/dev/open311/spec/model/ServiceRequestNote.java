package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code note} of a request's public history ({@code extensions=true}), shaped like
 * Chicago's: what happened ({@code type}: opened, closed, reopened, comment, activity,
 * follow_on_created ...), when, a short {@code summary} and the longer {@code description}.
 *
 * @param extendedAttributes Chicago's follow-on notes name the child request here
 *     ({@code service_request_id}, {@code service_name}, {@code agency_responsible}); left out when
 *     null
 */
@JsonPropertyOrder({"type", "datetime", "summary", "description", "extended_attributes"})
public record ServiceRequestNote(
    String type,
    OffsetDateTime datetime,
    String summary,
    String description,
    @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> extendedAttributes) {

  public ServiceRequestNote {
    // kept in the order given, null values included (Map.copyOf would refuse them)
    extendedAttributes =
        extendedAttributes == null
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(extendedAttributes));
  }
}
