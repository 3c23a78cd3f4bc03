package dev.open311.storage.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.query.Circle;
import dev.open311.spec.query.ServiceRequestQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cells' quick circle test decides as the exact distance does, edge and poles included. */
class RecentCellsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-15T18:00:00Z"), ZoneOffset.UTC);

  @Test
  void theQuickCircleTestAgreesWithTheExactDistanceEverywhere() {
    Random random = new Random(311);
    int nearTheEdge = 0;
    for (int i = 0; i < 200_000; i++) {
      // Half anywhere, 10 m to 10 km; half where the plane is worst: large circles far north.
      boolean worst = i % 2 == 0;
      double latitude = worst ? 70 + random.nextDouble() * 10 : -89 + random.nextDouble() * 178;
      double longitude = -179 + random.nextDouble() * 358;
      double radius =
          worst
              ? 5_000 + random.nextDouble() * 5_000
              : Math.exp(Math.log(10) + random.nextDouble() * Math.log(1000));
      Circle circle = new Circle(latitude, longitude, radius);
      ServiceRequestQuery query =
          ServiceRequestQuery.builder("j").page(1, 50).near(circle).build(CLOCK);
      RecentCells.Within within = RecentCells.Within.of(query);
      // A point near the edge, any bearing: many within the planar margins' band.
      double meters =
          radius * (worst ? 0.97 + random.nextDouble() * 0.06 : 0.8 + random.nextDouble() * 0.4);
      double bearing = random.nextDouble() * 2 * Math.PI;
      double lat =
          latitude + Math.toDegrees(meters * Math.cos(bearing) / Circle.EARTH_RADIUS_METERS);
      double lon =
          longitude
              + Math.toDegrees(
                  meters
                      * Math.sin(bearing)
                      / (Circle.EARTH_RADIUS_METERS * Math.cos(Math.toRadians(latitude))));
      if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
        continue;
      }
      double exact = Circle.distanceMeters(latitude, longitude, lat, lon);
      if (Math.abs(exact / radius - 1) < 0.06) {
        nearTheEdge++;
      }
      assertEquals(exact <= radius, within.test(lat, lon), circle + " and " + lat + "," + lon);
    }
    assertTrue(nearTheEdge > 10_000, "points near the edge: " + nearTheEdge);
  }

  /** Tuple ids go through a long and back unchanged, up to the largest block and line. */
  @Test
  void tupleIdsRoundTripThroughTheirNumbers() {
    for (String ctid : List.of("(0,1)", "(1,0)", "(131071,7)", "(4294967295,65535)")) {
      assertEquals(ctid, new RecentCells.Entry(1, RecentCells.tid(ctid), 0, 0, 0).ctid());
    }
    assertEquals(5L << 16 | 3, RecentCells.tid("(5,3)"));
    assertEquals(
        "{\"(0,1)\",\"(4294967295,65535)\"}",
        RecentCells.ctids(
            List.of(
                new RecentCells.Entry(1, RecentCells.tid("(0,1)"), 0, 0, 0),
                new RecentCells.Entry(2, RecentCells.tid("(4294967295,65535)"), 0, 0, 0))));
  }
}
