package dev.open311.storage.geo;

import dev.open311.spec.query.Circle;

/**
 * {@link Circle#distanceMeters} in SQL: the haversine distance in meters from a point to the
 * request {@code r}, on the same sphere, so that the database and the code decide a boundary case
 * alike.
 */
public final class DistanceSql {

  private DistanceSql() {}

  /**
   * @param latitude SQL for the point's latitude in degrees (a bind parameter, a setting ...)
   * @param longitude SQL for its longitude
   */
  public static String toRequest(String latitude, String longitude) {
    return "2 * "
        + Circle.EARTH_RADIUS_METERS
        + " * asin(least(1, sqrt(power(sin(radians(r.lat - %1$s) / 2), 2)"
            .formatted(latitude)
        + " + cos(radians(%1$s)) * cos(radians(r.lat))".formatted(latitude)
        + " * power(sin(radians(r.long - %1$s) / 2), 2))))".formatted(longitude);
  }
}
