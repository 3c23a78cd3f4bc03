package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Spatial search on GET requests (issue 3; digest §6.4): lat/long/radius in meters of great-circle
 * distance (default 1000, at most 10000), sort=distance, and bbox=min_long,min_lat,max_long,max_lat.
 * Skipped for a target that does not offer them.
 */
class SpatialSearchIT {
  private static final Map<Format, String> FILED = new EnumMap<>(Format.class);

  @ParameterizedTest(name = "requests{0}?lat&long&radius=50 at the filed point")
  @EnumSource(Format.class)
  void aCircleAroundTheFiledPointIncludesTheRequest(Format f) {
    Support.assumeSpatial();
    String id = filed(f);

    List<String> ids = Doc.ids(list(f, circle(Geo.lat(), Geo.lon(), "50")));

    assertTrue(ids.contains(id), () -> id + " not within 50 m of its own point: " + ids);
  }

  @ParameterizedTest(name = "requests{0}: 990 m away in a 1000 m circle, 1010 m away out")
  @EnumSource(Format.class)
  void theRadiusIsMetersOfGreatCircleDistance(Format f) {
    Support.assumeSpatial();
    String id = filed(f);
    double[] near = Geo.offset(Geo.lat(), Geo.lon(), 60, 990);
    double[] far = Geo.offset(Geo.lat(), Geo.lon(), 60, 1010);

    assertTrue(Doc.ids(list(f, circle(near[0], near[1], "1000"))).contains(id), "990 m away");
    assertFalse(Doc.ids(list(f, circle(far[0], far[1], "1000"))).contains(id), "1010 m away");
  }

  @ParameterizedTest(name = "requests{0}?lat&long (radius defaults to 1000 m)")
  @EnumSource(Format.class)
  void theRadiusDefaultsToOneKilometer(Format f) {
    Support.assumeSpatial();
    String id = filed(f);
    double[] near = Geo.offset(Geo.lat(), Geo.lon(), 180, 950);
    double[] far = Geo.offset(Geo.lat(), Geo.lon(), 180, 1100);

    assertTrue(Doc.ids(list(f, circle(near[0], near[1], null))).contains(id), "950 m away");
    assertFalse(Doc.ids(list(f, circle(far[0], far[1], null))).contains(id), "1100 m away");
  }

  @ParameterizedTest(name = "requests{0}?lat&long&radius: every request is within the radius")
  @EnumSource(Format.class)
  void everyRequestFoundIsWithinTheRadius(Format f) {
    Support.assumeSpatial();
    filed(f);

    for (Map<String, Object> item : list(f, circle(Geo.lat(), Geo.lon(), "2000"))) {
      double distance = distanceFromTarget(item);
      assertTrue(distance <= 2020, () -> "found at " + distance + " m: " + item);
    }
  }

  @ParameterizedTest(name = "requests{0}?lat&long&radius&sort=distance: nearest first")
  @EnumSource(Format.class)
  void sortDistanceGivesTheNearestFirst(Format f) {
    Support.assumeSpatial();
    String id = filed(f);
    String other = filedAway(f, 90, 300);

    List<Map<String, Object>> items =
        list(f, circle(Geo.lat(), Geo.lon(), "1000").set("sort", "distance"));

    List<String> ids = Doc.ids(items);
    assertNearerFirst(items, id, other, 300, ids::toString);
    double previous = 0;
    for (Map<String, Object> item : items) {
      double distance = distanceFromTarget(item);
      assertTrue(distance >= previous - 1, () -> "not nearest first: " + ids);
      previous = distance;
    }
  }

  @ParameterizedTest(name = "requests{0}?lat&long&radius&sort=distance with dates or status=open")
  @EnumSource(Format.class)
  void sortDistanceWithinDatesOrOpenGivesTheNearestFirst(Format f) {
    Support.assumeSpatial();
    String id = filed(f);
    String other = filedAway(f, 180, 400);
    Supplier<Params> nearest =
        () -> circle(Geo.lat(), Geo.lon(), "1000").set("sort", "distance");

    for (Params params :
        List.of(
            nearest.get()
                .set("start_date", Markers.minutesFromNow(-60))
                .set("end_date", Markers.minutesFromNow(60)),
            nearest.get().set("status", "open"))) {
      List<Map<String, Object>> items = list(f, params);
      List<String> ids = Doc.ids(items);
      assertNearerFirst(items, id, other, 400, () -> params + ": " + ids);
      double previous = 0;
      for (Map<String, Object> item : items) {
        double distance = distanceFromTarget(item);
        assertTrue(distance >= previous - 1 && distance <= 1010, () -> params + ": " + ids);
        previous = distance;
      }
    }
    List<String> in2001 =
        Doc.ids(
            list(
                f,
                nearest.get()
                    .set("start_date", "2001-01-01T00:00:00Z")
                    .set("end_date", "2002-01-01T00:00:00Z")));
    assertFalse(in2001.contains(id) || in2001.contains(other), in2001::toString);
  }

  @ParameterizedTest(name = "requests{0}?lat&long&radius&service_code=OTHER")
  @EnumSource(Format.class)
  void theCircleCombinesWithTheOtherFilters(Format f) {
    Support.assumeSpatial();
    String id = filed(f);
    String code = Catalog.realtime().code();

    assertTrue(Doc.ids(list(f, circle(Geo.lat(), Geo.lon(), "50").set("service_code", code))).contains(id));
    assertFalse(
        Doc.ids(list(f, circle(Geo.lat(), Geo.lon(), "50").set("service_code", Markers.unique("nosuch"))))
            .contains(id));
  }

  @ParameterizedTest(name = "requests{0}?bbox around the filed point")
  @EnumSource(Format.class)
  void aBoxAroundThePointIncludesTheRequestAndOneBesideItDoesNot(Format f) {
    Support.assumeBbox();
    String id = filed(f);
    double lat = Geo.lat();
    double lon = Geo.lon();

    assertTrue(Doc.ids(list(f, bbox(lon - 0.001, lat - 0.001, lon + 0.001, lat + 0.001))).contains(id));
    assertFalse(Doc.ids(list(f, bbox(lon + 0.001, lat - 0.001, lon + 0.002, lat + 0.001))).contains(id));
  }

  @ParameterizedTest(name = "requests{0}?bbox: every request is inside the box")
  @EnumSource(Format.class)
  void everyRequestFoundIsInsideTheBox(Format f) {
    Support.assumeBbox();
    filed(f);
    double lat = Geo.lat();
    double lon = Geo.lon();

    for (Map<String, Object> item : list(f, bbox(lon - 0.05, lat - 0.05, lon + 0.05, lat + 0.05))) {
      double itemLat = Double.parseDouble(Doc.text(item, "lat"));
      double itemLon = Double.parseDouble(Doc.text(item, "long"));
      assertTrue(Math.abs(itemLat - lat) <= 0.05 + 1e-9 && Math.abs(itemLon - lon) <= 0.05 + 1e-9, item::toString);
    }
  }

  @ParameterizedTest(name = "requests{0}: invalid geometry is a 400")
  @EnumSource(Format.class)
  void invalidGeometryIsA400InTheRequestedFormat(Format f) {
    Support.assumeSpatial();
    String lat = Target.get().lat;
    String lon = Target.get().lon;

    Checks.error(f, Api.get("requests", f, Params.of("lat", lat, "long", lon, "radius", "far")), 400);
    Checks.error(f, Api.get("requests", f, Params.of("lat", lat, "long", lon, "radius", "10001")), 400);
    Checks.error(f, Api.get("requests", f, Params.of("lat", lat, "long", lon, "radius", "-5")), 400);
    Checks.error(f, Api.get("requests", f, Params.of("lat", lat)), 400);
    Checks.error(f, Api.get("requests", f, Params.of("long", lon)), 400);
    Checks.error(f, Api.get("requests", f, Params.of("lat", "95", "long", lon)), 400);
    Checks.error(f, Api.get("requests", f, Params.of("lat", "NaN", "long", lon)), 400);
  }

  @ParameterizedTest(name = "requests{0}: a reversed or malformed bbox is a 400")
  @EnumSource(Format.class)
  void aReversedOrMalformedBoxIsA400(Format f) {
    Support.assumeBbox();

    Checks.error(f, Api.get("requests", f, bbox(-87.6, 41.8, -87.7, 41.9)), 400);
    Checks.error(f, Api.get("requests", f, bbox(-87.7, 41.9, -87.6, 41.8)), 400);
    Checks.error(f, Api.get("requests", f, Params.of("bbox", "-87.7,41.8,-87.6")), 400);
    Checks.error(f, Api.get("requests", f, Params.of("bbox", "-87.7,41.8,-87.6,north")), 400);
    Checks.error(f, Api.get("requests", f, bbox(-190, 41.8, -87.6, 41.9)), 400);
  }

  /**
   * Asserts that an answer nearest first lists the request at the target point ({@code atPoint})
   * before the one {@code meters} away ({@code away}). A busy target's circle can hold more
   * requests nearer than either than one answer lists (the suite's own among them, filed at the
   * same point run after run), so a request may be left out, but only by an answer of at least
   * {@link Target#CUT_OFF_LENGTH} requests, every one of them at most as far as it.
   */
  private static void assertNearerFirst(
      List<Map<String, Object>> items, String atPoint, String away, double meters,
      Supplier<String> message) {
    List<String> ids = Doc.ids(items);
    assertTrue(ids.contains(atPoint) || crowdedOut(items, 0), message);
    assertTrue(ids.contains(away) || crowdedOut(items, meters), message);
    if (ids.contains(away)) {
      assertTrue(ids.contains(atPoint) && ids.indexOf(atPoint) < ids.indexOf(away), message);
    }
  }

  private static boolean crowdedOut(List<Map<String, Object>> items, double meters) {
    return items.size() >= Target.CUT_OFF_LENGTH
        && items.stream().allMatch(item -> distanceFromTarget(item) <= meters * 1.01 + 1);
  }

  private static double distanceFromTarget(Map<String, Object> item) {
    return Geo.distance(
        Geo.lat(), Geo.lon(),
        Double.parseDouble(Doc.text(item, "lat")), Double.parseDouble(Doc.text(item, "long")));
  }

  private static Params circle(double lat, double lon, String radius) {
    Params p = Params.of("lat", Double.toString(lat), "long", Double.toString(lon));
    return radius == null ? p : p.set("radius", radius);
  }

  private static Params bbox(double minLon, double minLat, double maxLon, double maxLat) {
    return Params.of("bbox", minLon + "," + minLat + "," + maxLon + "," + maxLat);
  }

  /** Files a new request {@code meters} from the target point at that bearing; its id. */
  private static String filedAway(Format f, double bearingDegrees, double meters) {
    double[] away = Geo.offset(Geo.lat(), Geo.lon(), bearingDegrees, meters);
    return Api.file(
        f,
        ValidPost.form(Catalog.realtime())
            .set("lat", Double.toString(away[0]))
            .set("long", Double.toString(away[1])));
  }

  private static synchronized String filed(Format f) {
    return FILED.computeIfAbsent(f, fmt -> Api.file(fmt, ValidPost.form(Catalog.realtime())));
  }

  private static List<Map<String, Object>> list(Format f, Params query) {
    return Checks.ok(f, Api.get("requests", f, query)).list("service_requests");
  }
}
