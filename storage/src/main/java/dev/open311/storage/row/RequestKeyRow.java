package dev.open311.storage.row;

/** The two keys of a {@code service_request} just inserted: internal {@code id}, public id. */
public record RequestKeyRow(long id, String serviceRequestId) {}
