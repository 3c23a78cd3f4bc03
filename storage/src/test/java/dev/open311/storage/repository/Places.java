package dev.open311.storage.repository;

import dev.open311.spec.model.Location;
import dev.open311.spec.query.Circle;

/** Points at known great-circle distances from a center near Chicago's City Hall. */
final class Places {

  static final double LAT = 41.8837;
  static final double LONG = -87.6320;

  private Places() {}

  /** The point at that distance and initial bearing from the center, on the search's sphere. */
  static Location around(double bearingDegrees, double meters) {
    double angle = meters / Circle.EARTH_RADIUS_METERS;
    double bearing = Math.toRadians(bearingDegrees);
    double phi1 = Math.toRadians(LAT);
    double phi2 =
        Math.asin(
            Math.sin(phi1) * Math.cos(angle)
                + Math.cos(phi1) * Math.sin(angle) * Math.cos(bearing));
    double lambda2 =
        Math.toRadians(LONG)
            + Math.atan2(
                Math.sin(bearing) * Math.sin(angle) * Math.cos(phi1),
                Math.cos(angle) - Math.sin(phi1) * Math.sin(phi2));
    return new Location(Math.toDegrees(phi2), Math.toDegrees(lambda2), null, null);
  }
}
