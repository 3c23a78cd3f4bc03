package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code request} of GeoReport v2 {@code GET tokens/{token}}: the token asked for and the id
 * of its service request, null while none is assigned.
 */
@JsonPropertyOrder({"service_request_id", "token"})
public record TokenStatus(String serviceRequestId, String token) {}
