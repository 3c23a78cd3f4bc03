package dev.open311.spec.export;

import dev.open311.spec.model.Status;
import java.time.OffsetDateTime;

/**
 * One request of the bulk feed: the GeoReport v2 fields of {@code GET requests} plus the Chicago
 * extensions researchers use (channel, duplicate, parent, closed datetime and the ward, community
 * area and police district tags). It holds no personal data by construction: nothing of
 * {@code service_request_contact} is a field here.
 *
 * <p>Datetimes carry the offset of the jurisdiction's zone at that instant.
 */
public record ExportedRequest(
    String serviceRequestId,
    Status status,
    String statusNotes,
    String serviceName,
    String serviceCode,
    String description,
    String agencyResponsible,
    String serviceNotice,
    OffsetDateTime requestedDatetime,
    OffsetDateTime updatedDatetime,
    OffsetDateTime expectedDatetime,
    String address,
    String addressId,
    String zipcode,
    Double latitude,
    Double longitude,
    String mediaUrl,
    String channel,
    boolean duplicate,
    String parentServiceRequestId,
    OffsetDateTime closedDatetime,
    String ward,
    String communityArea,
    String policeDistrict) {}
