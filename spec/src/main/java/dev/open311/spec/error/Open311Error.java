package dev.open311.spec.error;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One GeoReport v2 {@code error}: {@code code} is the HTTP status, {@code description} a
 * sentence a resident can be shown.
 */
@JsonPropertyOrder({"code", "description"})
public record Open311Error(int code, String description) {}
