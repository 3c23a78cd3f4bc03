package dev.open311.storage.row;

/** An area tag of a request, an element of {@code service_request.areas}: it lies in that area. */
public record AreaTagRow(long requestId, String areaType, String areaKey) {}
