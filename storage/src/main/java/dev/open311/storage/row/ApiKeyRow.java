package dev.open311.storage.row;

import java.time.OffsetDateTime;

/** A row of {@code api_key} as listed: the hash is never read back. */
public record ApiKeyRow(
    String name, String keyPrefix, OffsetDateTime createdAt, OffsetDateTime revokedAt) {}
