package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;

/**
 * One {@code request_update} of FixMyStreet's {@code servicerequestupdates} extension: a public
 * note on a request, so an integrator can mirror status changes and comments.
 *
 * @param updateId the note's id, unique and stable: clients de-duplicate on it
 * @param status the note's status, or the request's status at that time when the note has none
 * @param updatedDatetime when the note was made
 * @param description the note's text (its description, else its summary)
 */
@JsonPropertyOrder({
  "update_id", "service_request_id", "status", "updated_datetime", "description", "media_url"
})
public record ServiceRequestUpdate(
    String updateId,
    String serviceRequestId,
    Status status,
    OffsetDateTime updatedDatetime,
    String description,
    String mediaUrl) {}
