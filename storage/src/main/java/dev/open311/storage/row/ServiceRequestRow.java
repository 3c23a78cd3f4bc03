package dev.open311.storage.row;

import java.time.OffsetDateTime;

/**
 * The public columns of a new {@code service_request}, as inserted.
 *
 * @param serviceRequestId null to take the decimal text of the generated key
 * @param serviceId the key of the service filed against
 * @param channel how it came in (Chicago ORIGIN); {@code api} for GeoReport POSTs
 */
public record ServiceRequestRow(
    String serviceRequestId,
    String jurisdictionId,
    long serviceId,
    String serviceCode,
    String status,
    String description,
    String agencyResponsible,
    String serviceNotice,
    OffsetDateTime requestedAt,
    OffsetDateTime updatedAt,
    OffsetDateTime expectedAt,
    String address,
    String addressId,
    Double latitude,
    Double longitude,
    String mediaUrl,
    String token,
    String channel) {}
