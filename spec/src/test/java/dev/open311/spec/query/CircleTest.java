package dev.open311.spec.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** lat/long/radius: the rules, the haversine distance and the pre-filter box. */
class CircleTest {

  @Test
  void noPointAndNoRadiusIsNoCircle() {
    assertNull(Circle.of(null, null, null));
  }

  @Test
  void radiusDefaultsToOneThousandMeters() {
    assertEquals(1000, Circle.of(41.88, -87.63, null).radiusMeters());
  }

  @Test
  void latWithoutLongAndLongWithoutLatAreRefused() {
    assertThrows(InvalidRequestException.class, () -> Circle.of(41.88, null, null));
    assertThrows(InvalidRequestException.class, () -> Circle.of(null, -87.63, 500.0));
  }

  @Test
  void radiusWithoutAPointIsRefused() {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> Circle.of(null, null, 500.0));
    assertTrue(e.getMessage().contains("lat and long"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"0", "-5", "10000.01", "20000"})
  void radiusOutsideZeroToTenThousandIsRefused(double radius) {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> Circle.of(41.88, -87.63, radius));
    assertEquals(400, e.status());
  }

  @Test
  void radiusOfExactlyTenThousandIsAccepted() {
    assertEquals(10_000, Circle.of(41.88, -87.63, 10_000.0).radiusMeters());
  }

  @ParameterizedTest
  @CsvSource({"90.5, 0", "-91, 0", "0, 180.5", "0, -181"})
  void coordinatesOutOfRangeAreRefused(double lat, double lon) {
    assertThrows(InvalidRequestException.class, () -> Circle.of(lat, lon, 100.0));
  }

  @Test
  void distanceOfOneDegreeOfLatitudeIsAbout111Kilometers() {
    assertEquals(111_195, Circle.distanceMeters(41, -87, 42, -87), 1);
  }

  @Test
  void distanceOfOneDegreeOfLongitudeShrinksWithTheCosineOfLatitude() {
    double atEquator = Circle.distanceMeters(0, 10, 0, 11);
    double atSixty = Circle.distanceMeters(60, 10, 60, 11);
    assertEquals(0.5, atSixty / atEquator, 0.001);
  }

  @Test
  void boundsContainEveryPointOfTheCircle() {
    Circle circle = new Circle(41.88, -87.63, 10_000);
    BoundingBox box = circle.bounds();
    for (int bearing = 0; bearing < 360; bearing += 5) {
      double[] point = destination(41.88, -87.63, bearing, 10_000);
      assertTrue(point[0] >= box.minLatitude() && point[0] <= box.maxLatitude(), "lat " + bearing);
      assertTrue(
          point[1] >= box.minLongitude() && point[1] <= box.maxLongitude(), "long " + bearing);
    }
    // and it is tight: the box is the circle's extent, not a loose square
    assertEquals(10_000, Circle.distanceMeters(41.88, -87.63, box.maxLatitude(), -87.63), 0.01);
  }

  @Test
  void boundsNearAPoleSpanEveryLongitude() {
    BoundingBox box = new Circle(89.95, 10, 10_000).bounds();
    assertEquals(-180, box.minLongitude());
    assertEquals(180, box.maxLongitude());
    assertEquals(90, box.maxLatitude());
  }

  @Test
  void boundsAcrossTheAntimeridianSpanEveryLongitude() {
    BoundingBox box = new Circle(-17.7, 179.99, 5_000).bounds();
    assertEquals(-180, box.minLongitude());
    assertEquals(180, box.maxLongitude());
  }

  /** The point at a distance and initial bearing from a start, on the same sphere. */
  static double[] destination(double lat, double lon, double bearingDegrees, double meters) {
    double angle = meters / Circle.EARTH_RADIUS_METERS;
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
}
