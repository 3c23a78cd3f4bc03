package dev.open311.storage.row;

/** A row of {@code service_request_area}: the request lies in that area. */
public record AreaTagRow(long requestId, String areaType, String areaKey) {}
