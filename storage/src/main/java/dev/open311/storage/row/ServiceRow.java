package dev.open311.storage.row;

import java.time.OffsetDateTime;

/**
 * A row of {@code service} with its group's name instead of the group's key, and whether it has
 * attributes (GeoReport v2 {@code metadata}), which is derived, never stored.
 *
 * @param type the wire name: realtime, batch or blackbox
 */
public record ServiceRow(
    long id,
    String jurisdictionId,
    String serviceCode,
    String serviceName,
    String description,
    String type,
    String keywords,
    String groupName,
    String agencyResponsible,
    String serviceNotice,
    Integer expectedDays,
    boolean metadata,
    OffsetDateTime updatedAt) {}
