package dev.open311.storage.row;

/**
 * A row of {@code area_load}: the current version of a type's boundaries.
 *
 * @param taggedXmin the oldest transaction running when the type's tags were rewritten
 */
public record AreaLoadRow(String areaType, long version, long taggedXmin) {}
