package dev.open311.storage.row;

/** The two {@code service_request} columns GET tokens/{token} answers with. */
public record TokenRow(String serviceRequestId, String token) {}
