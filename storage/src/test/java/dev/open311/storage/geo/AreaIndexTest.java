package dev.open311.storage.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.open311.storage.geo.AreaLocator.AreaRef;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

class AreaIndexTest {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  /**
   * Ward 1: a square with a hole (a park, say); ward 2: two islands; ward 3 shares ward 1's east
   * edge.
   */
  private final AreaIndex index =
      new AreaIndex(
          List.of(
              new Area(
                  "ward",
                  "1",
                  null,
                  FACTORY.createPolygon(ring(0, 0, 10, 10), new LinearRing[] {ring(4, 4, 6, 6)})),
              new Area(
                  "ward",
                  "2",
                  null,
                  FACTORY.createMultiPolygon(
                      new Polygon[] {square(20, 0, 30, 10), square(40, 0, 50, 10)})),
              new Area("ward", "3", null, square(10, 0, 20, 10)),
              new Area("district", "A", null, square(0, 0, 50, 10))));

  @Test
  void aPointIsInEveryAreaThatContainsItOnePerType() {
    assertEquals(Set.of(ward("1"), district("A")), at(2, 3));
  }

  @Test
  void aPointInAHoleIsNotInTheAreaWithTheHole() {
    assertEquals(Set.of(district("A")), at(5, 5));
  }

  @Test
  void everyPartOfAMultiPolygonCounts() {
    assertEquals(Set.of(ward("2"), district("A")), at(45, 5));
    assertEquals(Set.of(district("A")), at(35, 5), "between the islands");
  }

  @Test
  void aPointOnASharedEdgeIsInBothAreas() {
    assertEquals(Set.of(ward("1"), ward("3"), district("A")), at(10, 5));
  }

  @Test
  void aPointOutsideEveryAreaIsInNone() {
    assertEquals(Set.of(), at(-1, 5));
    assertEquals(Set.of(), at(25, 11));
    assertEquals(List.of(), AreaIndex.EMPTY.locate(5, 5));
  }

  @Test
  void aLookupTakesMicroseconds() {
    long started = System.nanoTime();
    int found = 0;
    for (int i = 0; i < 200_000; i++) {
      found += index.locate(i % 10, i % 50).size();
    }
    double microseconds = (System.nanoTime() - started) / 1e3 / 200_000;
    assertEquals(true, found > 0);
    // Generous for a loaded CI machine; typically well under one microsecond.
    assertEquals(true, microseconds < 20, microseconds + " µs per lookup");
  }

  private Set<AreaRef> at(double x, double y) {
    return index.locate(y, x).stream()
        .sorted(Comparator.comparing(AreaRef::areaKey))
        .collect(Collectors.toSet());
  }

  private static AreaRef ward(String key) {
    return new AreaRef("ward", key);
  }

  private static AreaRef district(String key) {
    return new AreaRef("district", key);
  }

  private static Polygon square(double x1, double y1, double x2, double y2) {
    return FACTORY.createPolygon(ring(x1, y1, x2, y2));
  }

  private static LinearRing ring(double x1, double y1, double x2, double y2) {
    return FACTORY.createLinearRing(
        new Coordinate[] {
          new Coordinate(x1, y1),
          new Coordinate(x2, y1),
          new Coordinate(x2, y2),
          new Coordinate(x1, y2),
          new Coordinate(x1, y1)
        });
  }
}
