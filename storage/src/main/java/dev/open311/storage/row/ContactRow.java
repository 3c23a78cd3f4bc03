package dev.open311.storage.row;

/** A row of {@code service_request_contact}: the requester's personal data, kept apart. */
public record ContactRow(
    long requestId,
    String email,
    String phone,
    String firstName,
    String lastName,
    String deviceId,
    String accountId) {}
