package dev.open311.storage.bulk;

import java.time.OffsetDateTime;

/**
 * One valid row of a Chicago data-portal export, already mapped to this server's terms (status
 * open/closed, instants, the address line); what {@link ChicagoRows} makes of a CSV record.
 *
 * @param line the line the record starts on, for messages
 * @param agency OWNER_DEPARTMENT, the request's agency_responsible and a new service's agency
 */
record ImportRow(
    long line,
    String serviceRequestId,
    String serviceCode,
    String serviceName,
    String agency,
    String status,
    String statusNotes,
    OffsetDateTime requestedAt,
    OffsetDateTime updatedAt,
    OffsetDateTime closedAt,
    String address,
    String zipcode,
    Double latitude,
    Double longitude,
    String channel,
    boolean duplicate,
    String parentServiceRequestId,
    String ward,
    String communityArea,
    String policeDistrict) {}
