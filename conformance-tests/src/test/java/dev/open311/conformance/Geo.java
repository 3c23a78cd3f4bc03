package dev.open311.conformance;

/**
 * Great-circle arithmetic on a sphere of the mean Earth radius, for the spatial checks. A target
 * computing on the WGS84 ellipsoid differs by up to about 0.5%, so checks near a boundary leave a
 * 1% margin.
 */
final class Geo {
  static final double EARTH_RADIUS_METERS = 6_371_008.8;

  private Geo() {}

  /** The point {@code meters} away from (lat, lon) at an initial bearing, as {lat, lon}. */
  static double[] offset(double lat, double lon, double bearingDegrees, double meters) {
    double angle = meters / EARTH_RADIUS_METERS;
    double bearing = Math.toRadians(bearingDegrees);
    double phi1 = Math.toRadians(lat);
    double phi2 =
        Math.asin(
            Math.sin(phi1) * Math.cos(angle)
                + Math.cos(phi1) * Math.sin(angle) * Math.cos(bearing));
    double lambda2 =
        Math.toRadians(lon)
            + Math.atan2(
                Math.sin(bearing) * Math.sin(angle) * Math.cos(phi1),
                Math.cos(angle) - Math.sin(phi1) * Math.sin(phi2));
    return new double[] {Math.toDegrees(phi2), Math.toDegrees(lambda2)};
  }

  /** The haversine distance in meters. */
  static double distance(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.sin(Math.toRadians(lat2 - lat1) / 2);
    double dLon = Math.sin(Math.toRadians(lon2 - lon1) / 2);
    double a =
        dLat * dLat
            + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * dLon * dLon;
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  static double lat() {
    return Double.parseDouble(Target.get().lat);
  }

  static double lon() {
    return Double.parseDouble(Target.get().lon);
  }
}
