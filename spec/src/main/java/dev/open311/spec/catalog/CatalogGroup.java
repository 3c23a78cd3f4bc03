package dev.open311.spec.catalog;

/** A named group of services (GeoReport v2 {@code group}). */
public record CatalogGroup(String name, String description) {}
