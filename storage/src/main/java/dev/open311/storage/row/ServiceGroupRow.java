package dev.open311.storage.row;

/** A row of {@code service_group}, without its surrogate key. */
public record ServiceGroupRow(String jurisdictionId, String name, String description) {}
