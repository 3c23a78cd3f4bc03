package dev.open311.storage.row;

import java.time.OffsetDateTime;

/** One area type as {@code areas list} shows it. */
public record AreaTypeRow(
    String areaType, int areas, OffsetDateTime loadedAt, long taggedRequests) {}
