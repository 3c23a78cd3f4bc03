package dev.open311.spec.model;

import java.time.ZoneId;

/**
 * A government served by this endpoint, named by its GeoReport {@code jurisdiction_id} (its root
 * domain, e.g. {@code cityofchicago.org}). Datetimes of its requests are rendered in its zone.
 */
public record Jurisdiction(
    String jurisdictionId, String name, ZoneId timeZone, String contact, String keyService) {}
