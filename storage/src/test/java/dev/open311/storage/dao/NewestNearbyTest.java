package dev.open311.storage.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.spec.query.ServiceRequestQueryBuilder;
import dev.open311.storage.dao.NewestNearby.Cells;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which cells a newest-first area search reads, and which of them seed the time bound. */
class NewestNearbyTest {

  private static final Clock CLOCK = Clock.systemUTC();

  @Test
  void aCircleSeedsFromCellsWhollyInsideItNearItsMiddle() {
    Circle circle = new Circle(41.8837, -87.632, 500);
    Cells cells = cells(ServiceRequestQuery.builder("x").near(circle));

    List<Long> all = new ArrayList<>(cells.seeds());
    all.addAll(cells.others());
    assertEquals(all.size(), new HashSet<>(all).size(), "each cell once");
    // about 40 cells, so about 6 seeds
    assertTrue(all.size() >= 30 && all.size() <= 60, all::toString);
    assertEquals(Math.round(Math.sqrt(all.size())), cells.seeds().size());
    assertTrue(cells.seeds().contains(cellOf(41.8837, -87.632)), "the middle cell seeds");
    for (long seed : cells.seeds()) {
      for (double[] corner : corners(seed)) {
        assertTrue(
            Circle.distanceMeters(circle.latitude(), circle.longitude(), corner[0], corner[1])
                < 500,
            "a seed lies wholly inside");
      }
    }
  }

  @Test
  void everyCellHoldingAPointOfTheCircleIsRead() {
    Circle circle = new Circle(41.8837, -87.632, 500);
    Cells cells = cells(ServiceRequestQuery.builder("x").near(circle));

    for (int bearing = 0; bearing < 360; bearing += 5) {
      double[] point = around(circle, bearing, 499.9);
      long cell = cellOf(point[0], point[1]);
      assertTrue(
          cells.seeds().contains(cell) || cells.others().contains(cell), "bearing " + bearing);
    }
  }

  @Test
  void aCellTheCircleOnlyGrazesIsNeverASeed() {
    // the circle's top reaches a few meters into the row above 41.9
    double latitude = 41.9 - 499.0 / Circle.EARTH_RADIUS_METERS * 180 / Math.PI;
    Cells cells = cells(ServiceRequestQuery.builder("x").near(new Circle(latitude, -87.635, 500)));

    long grazed = cellOf(41.9001, -87.635);
    assertTrue(cells.others().contains(grazed));
    assertFalse(cells.seeds().contains(grazed));
  }

  @Test
  void aTinyCircleHasNoSeedsAndIsReadWithoutABound() {
    Cells cells = cells(ServiceRequestQuery.builder("x").near(new Circle(41.88, -87.63, 10)));

    assertEquals(List.of(), cells.seeds());
    assertTrue(cells.others().contains(cellOf(41.88, -87.63)));
  }

  @Test
  void aBoxSeedsOnlyFromCellsInsideIt() {
    BoundingBox box = new BoundingBox(-87.641, 41.871, -87.629, 41.879);
    Cells cells = cells(ServiceRequestQuery.builder("x").bbox(box));

    assertFalse(cells.seeds().isEmpty());
    for (long seed : cells.seeds()) {
      for (double[] corner : corners(seed)) {
        assertTrue(corner[0] >= box.minLatitude() - 1e-8 && corner[0] <= box.maxLatitude() + 1e-8);
        assertTrue(corner[1] >= box.minLongitude() - 1e-8 && corner[1] <= box.maxLongitude() + 1e-8);
      }
    }
    assertTrue(cells.others().contains(cellOf(41.8711, -87.6409)), "a corner cell");
  }

  @Test
  void aBigCircleOrACityWideViewportIsLeftToTheTimeIndex() {
    assertEquals(
        Optional.empty(),
        NewestNearby.cells(
            ServiceRequestQuery.builder("x").near(new Circle(41.88, -87.63, 2000)).build(CLOCK)));
    assertEquals(
        Optional.empty(),
        NewestNearby.cells(
            ServiceRequestQuery.builder("x")
                .bbox(new BoundingBox(-87.94, 41.64, -87.52, 42.02))
                .build(CLOCK)));
  }

  @Test
  void otherOrdersAreNotReadByCell() {
    assertEquals(
        Optional.empty(),
        NewestNearby.cells(
            ServiceRequestQuery.builder("x")
                .near(new Circle(41.88, -87.63, 500))
                .sortByDistance(true)
                .build(CLOCK)));
  }

  private static Cells cells(ServiceRequestQueryBuilder builder) {
    return NewestNearby.cells(builder.build(CLOCK)).orElseThrow();
  }

  private static long cellOf(double latitude, double longitude) {
    return NewestNearby.cell(
        (long) Math.floor(latitude * NewestNearby.PER_DEGREE),
        (long) Math.floor(longitude * NewestNearby.PER_DEGREE));
  }

  private static List<double[]> corners(long cell) {
    long row = Math.floorDiv(cell, 200_000L) - 45_000;
    long column = Math.floorMod(cell, 200_000L) - 90_000;
    double size = 1.0 / NewestNearby.PER_DEGREE;
    List<double[]> corners = new ArrayList<>();
    for (int i = 0; i <= 1; i++) {
      for (int j = 0; j <= 1; j++) {
        corners.add(new double[] {(row + i) * size, (column + j) * size});
      }
    }
    return corners;
  }

  /** The point that far from the circle's center on that bearing (flat, fine at 500 m). */
  private static double[] around(Circle circle, int bearing, double meters) {
    double metersPerDegree = Circle.EARTH_RADIUS_METERS * Math.PI / 180;
    double north = meters * Math.cos(Math.toRadians(bearing)) / metersPerDegree;
    double east =
        meters * Math.sin(Math.toRadians(bearing))
            / (metersPerDegree * Math.cos(Math.toRadians(circle.latitude())));
    return new double[] {circle.latitude() + north, circle.longitude() + east};
  }
}
