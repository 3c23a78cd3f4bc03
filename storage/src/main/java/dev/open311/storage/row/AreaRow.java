package dev.open311.storage.row;

import java.time.OffsetDateTime;

/**
 * A row of {@code area}.
 *
 * @param geometry the polygon as WKB
 * @param bounds its envelope in PostgreSQL's box syntax, {@code (x1,y1),(x2,y2)}
 */
public record AreaRow(
    String areaType,
    String areaKey,
    String name,
    byte[] geometry,
    String bounds,
    OffsetDateTime loadedAt) {}
