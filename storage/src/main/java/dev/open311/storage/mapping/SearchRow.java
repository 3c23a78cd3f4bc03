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
    OffsetDateTime closedAt) {}
