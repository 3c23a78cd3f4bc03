package dev.open311.storage.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.storage.dao.NewestNearby.Arm;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which cells a newest-first area search reads, and how. */
class NewestNearbyTest {

  private static final Clock CLOCK = Clock.systemUTC();

  @Test
  void aCircleReadsTheCellsItCoversInTimeOrderAndTheCellsItGrazesThroughTheGistIndex() {
    // 411 m north of the 41.88 cell edge, so the circle dips 89 m into the row below
    List<Arm> arms = arms(ServiceRequestQuery.builder("x").near(new Circle(41.8837, -87.632, 500)));

    assertEquals(arms.size(), new HashSet<>(arms.stream().map(Arm::cell).toList()).size());
    assertTrue(arms.stream().anyMatch(a -> a.sliver() == null));
    Arm center = arms.stream().filter(a -> a.row() == 4188 && a.column() == -8764).findFirst().orElseThrow();
    assertEquals(null, center.sliver());
    for (Arm arm : arms) {
      if (arm.sliver() != null) {
        assertTrue(arm.sliver().maxLatitude() - arm.sliver().minLatitude() <= 0.01 + 1e-8);
      }
    }
  }

  @Test
  void aCellTheCircleOnlyGrazesIsASliver() {
    // the circle's top reaches 41.90000x: a few meters into row 4190
    double latitude = 41.9 - 499.0 / Circle.EARTH_RADIUS_METERS * 180 / Math.PI;
    List<Arm> arms = arms(ServiceRequestQuery.builder("x").near(new Circle(latitude, -87.635, 500)));

    List<Arm> top = arms.stream().filter(a -> a.row() == 4190).toList();
    assertTrue(!top.isEmpty());
    assertTrue(top.stream().allMatch(a -> a.sliver() != null), top::toString);
  }

  @Test
  void aBigCircleOrACityWideViewportIsLeftToTheTimeIndex() {
    assertEquals(
        Optional.empty(),
        NewestNearby.arms(
            ServiceRequestQuery.builder("x").near(new Circle(41.88, -87.63, 5000)).build(CLOCK)));
    assertEquals(
        Optional.empty(),
        NewestNearby.arms(
            ServiceRequestQuery.builder("x")
                .bbox(new BoundingBox(-87.94, 41.64, -87.52, 42.02))
                .build(CLOCK)));
  }

  @Test
  void otherOrdersAreNotReadByCell() {
    assertEquals(
        Optional.empty(),
        NewestNearby.arms(
            ServiceRequestQuery.builder("x")
                .near(new Circle(41.88, -87.63, 500))
                .sortByDistance(true)
                .build(CLOCK)));
  }

  private static List<Arm> arms(dev.open311.spec.query.ServiceRequestQueryBuilder builder) {
    return NewestNearby.arms(builder.build(CLOCK)).orElseThrow();
  }
}
