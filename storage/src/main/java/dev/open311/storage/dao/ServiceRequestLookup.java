package dev.open311.storage.dao;

import dev.open311.spec.model.ServiceRequest;
import dev.open311.storage.mapping.ServiceRequestMapper;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * GET service request: one request by its public id, in one statement on the unique index of
 * {@code service_request_id}. Kept apart from the search, whose WHERE clause is assembled per call,
 * so this statement is always the same text and the driver prepares it once per connection. It
 * never touches {@code service_request_contact}.
 */
public final class ServiceRequestLookup {

  private static final String SQL =
      """
      select r.service_request_id, r.status, r.status_notes, s.service_name, r.service_code,
             r.description, r.agency_responsible, r.service_notice, r.requested_at,
             r.updated_at, r.expected_at, r.address, r.address_id, r.zipcode, r.lat, r.long,
             r.media_url, j.time_zone
        from service_request r
        join service s on s.id = r.service_id
        join jurisdiction j on j.jurisdiction_id = r.jurisdiction_id
       where r.service_request_id = :serviceRequestId and r.jurisdiction_id = :jurisdictionId
      """;

  private ServiceRequestLookup() {}

  /** The request with that public id in that jurisdiction, in the jurisdiction's time zone. */
  public static Optional<ServiceRequest> find(
      Handle handle, String jurisdictionId, String serviceRequestId) {
    return handle
        .createQuery(SQL)
        .bind("serviceRequestId", serviceRequestId)
        .bind("jurisdictionId", jurisdictionId)
        .map(ServiceRequestMapper.INSTANCE)
        .findOne();
  }
}
