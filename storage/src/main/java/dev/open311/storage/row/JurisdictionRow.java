package dev.open311.storage.row;

import java.time.OffsetDateTime;

/** A row of {@code jurisdiction}. */
public record JurisdictionRow(
    String jurisdictionId,
    String name,
    String timeZone,
    String contact,
    String keyService,
    OffsetDateTime updatedAt) {}
