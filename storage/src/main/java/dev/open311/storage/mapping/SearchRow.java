package dev.open311.storage.mapping;

import dev.open311.spec.model.ServiceRequest;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * One row of a GET requests search: the public request, plus what the extensions and the harvest
 * cursor need. Stays within this module.
 *
 * @param id the internal key, by which notes, answers and areas are fetched
 * @param changeXid the transaction that last wrote the row (the harvest order)
 * @param zone the jurisdiction's zone, in which every datetime of the request is given
 */
public record SearchRow(
    long id,
    long changeXid,
    ServiceRequest request,
    ZoneId zone,
    String channel,
    boolean duplicate,
    String parentServiceRequestId,
    OffsetDateTime closedAt) {

  /** The same row, its request with that service name. */
  public SearchRow withServiceName(String serviceName) {
    ServiceRequest r = request;
    return new SearchRow(
        id,
        changeXid,
        new ServiceRequest(
            r.serviceRequestId(),
            r.status(),
            r.statusNotes(),
            serviceName,
            r.serviceCode(),
            r.description(),
            r.agencyResponsible(),
            r.serviceNotice(),
            r.requestedDatetime(),
            r.updatedDatetime(),
            r.expectedDatetime(),
            r.address(),
            r.addressId(),
            r.zipcode(),
            r.latitude(),
            r.longitude(),
            r.mediaUrl()),
        zone,
        channel,
        duplicate,
        parentServiceRequestId,
        closedAt);
  }
}
