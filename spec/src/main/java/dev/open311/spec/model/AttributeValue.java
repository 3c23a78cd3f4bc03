package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** GeoReport v2 {@code value} of a list attribute: {@code key} is submitted, {@code name} shown. */
@JsonPropertyOrder({"key", "name"})
public record AttributeValue(String key, String name) {}
