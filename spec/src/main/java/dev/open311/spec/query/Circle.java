package dev.open311.spec.query;

import dev.open311.spec.error.InvalidRequestException;

/**
 * The {@code lat}, {@code long} and {@code radius} of a GET requests search: requests whose
 * great-circle distance from the point is at most {@code radiusMeters}, on a sphere of the mean
 * Earth radius (the same formula the database uses, so a boundary case is decided alike).
 *
 * @param latitude WGS84 degrees, -90 to 90
 * @param longitude WGS84 degrees, -180 to 180
 * @param radiusMeters more than 0, at most {@link #MAX_RADIUS_METERS}
 */
public record Circle(double latitude, double longitude, double radiusMeters) {

  /** The IUGG mean Earth radius. */
  public static final double EARTH_RADIUS_METERS = 6_371_008.8;

  public static final double DEFAULT_RADIUS_METERS = 1000;
  public static final double MAX_RADIUS_METERS = 10_000;

  // Keeps the pre-filter box a hair larger than the circle whatever the rounding.
  private static final double MARGIN_DEGREES = 1e-9;

  public Circle {
    checkLatitude("lat", latitude);
    checkLongitude("long", longitude);
    if (!(radiusMeters > 0 && radiusMeters <= MAX_RADIUS_METERS)) {
      throw new InvalidRequestException(
          "radius must be more than 0 and at most 10000 meters, not " + radiusMeters);
    }
  }

  /**
   * The circle named by the parameters, or null when none is given.
   *
   * @throws InvalidRequestException when lat or long comes alone, or radius without them
   */
  public static Circle of(Double latitude, Double longitude, Double radiusMeters) {
    if (latitude == null && longitude == null) {
      if (radiusMeters != null) {
        throw new InvalidRequestException("radius needs lat and long");
      }
      return null;
    }
    if (latitude == null || longitude == null) {
      throw new InvalidRequestException("lat and long must be given together");
    }
    return new Circle(
        latitude, longitude, radiusMeters == null ? DEFAULT_RADIUS_METERS : radiusMeters);
  }

  /**
   * A box containing the whole circle, for the index pre-filter. Near a pole, or across the
   * antimeridian, it spans every longitude: slower, never wrong.
   */
  public BoundingBox bounds() {
    double angle = radiusMeters / EARTH_RADIUS_METERS;
    double latitudeDelta = Math.toDegrees(angle) + MARGIN_DEGREES;
    double minLatitude = latitude - latitudeDelta;
    double maxLatitude = latitude + latitudeDelta;
    if (minLatitude <= -90 || maxLatitude >= 90) {
      return new BoundingBox(-180, Math.max(-90, minLatitude), 180, Math.min(90, maxLatitude));
    }
    double longitudeDelta =
        Math.toDegrees(Math.asin(Math.sin(angle) / Math.cos(Math.toRadians(latitude))))
            + MARGIN_DEGREES;
    double minLongitude = longitude - longitudeDelta;
    double maxLongitude = longitude + longitudeDelta;
    if (minLongitude < -180 || maxLongitude > 180) {
      return new BoundingBox(-180, minLatitude, 180, maxLatitude);
    }
    return new BoundingBox(minLongitude, minLatitude, maxLongitude, maxLatitude);
  }

  /** The haversine distance in meters between two points given in degrees. */
  public static double distanceMeters(
      double latitude1, double longitude1, double latitude2, double longitude2) {
    double halfLatitude = Math.sin(Math.toRadians(latitude2 - latitude1) / 2);
    double halfLongitude = Math.sin(Math.toRadians(longitude2 - longitude1) / 2);
    double a =
        halfLatitude * halfLatitude
            + Math.cos(Math.toRadians(latitude1))
                * Math.cos(Math.toRadians(latitude2))
                * halfLongitude
                * halfLongitude;
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  static void checkLatitude(String name, double value) {
    if (!(value >= -90 && value <= 90)) {
      throw new InvalidRequestException(name + " must be between -90 and 90, not " + value);
    }
  }

  static void checkLongitude(String name, double value) {
    if (!(value >= -180 && value <= 180)) {
      throw new InvalidRequestException(name + " must be between -180 and 180, not " + value);
    }
  }
}
