package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.open311.spec.model.Location;
import dev.open311.spec.model.Requester;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.spec.query.AreaFilter;
import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.spec.query.ServiceRequestQueryBuilder;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import dev.open311.storage.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** lat/long/radius, sort=distance, bbox and the area filter, as the SQL decides them. */
@ExtendWith(SharedStorage.class)
class SpatialSearchIT {

  private static final double LAT = 41.8837;
  private static final double LONG = -87.6320;

  private final Storage storage;
  private final ServiceRequests requests;
  private final TestClock clock;

  SpatialSearchIT(Storage storage, TestClock clock) {
    this.storage = storage;
    this.requests = storage.serviceRequests();
    this.clock = clock;
  }

  @BeforeEach
  void loadCatalog() {
    storage.catalog().load(TestCatalogs.springfield());
  }

  @Test
  void radiusIncludesA999MeterPointAndExcludesA1001MeterOneOnEveryBearing() {
    for (int bearing = 0; bearing < 360; bearing += 45) {
      String inside = fileAt(destination(bearing, 999), "PHF");
      String outside = fileAt(destination(bearing, 1001), "PHF");

      List<String> found = ids(search(builder().near(new Circle(LAT, LONG, 1000))));

      assertEquals(true, found.contains(inside), "999 m at bearing " + bearing);
      assertEquals(false, found.contains(outside), "1001 m at bearing " + bearing);
    }
  }

  @Test
  void radiusDefaultsToOneKilometer() {
    String inside = fileAt(destination(90, 990), "PHF");
    fileAt(destination(90, 1010), "PHF");

    assertEquals(List.of(inside), ids(search(builder().near(Circle.of(LAT, LONG, null)))));
  }

  @Test
  void sortDistanceGivesNearestFirstAndTiesByKey() {
    String far = fileAt(destination(10, 800), "PHF");
    String near = fileAt(destination(200, 100), "PHF");
    String tieFirst = fileAt(destination(300, 400), "PHF");
    String tieSecond = fileAt(destination(300, 400), "PHF");
    String middle = fileAt(destination(45, 300), "PHF");

    List<String> found =
        ids(search(builder().near(new Circle(LAT, LONG, 1000)).sortByDistance(true)));

    assertEquals(List.of(near, middle, tieFirst, tieSecond, far), found);
  }

  @Test
  void sortDistancePagesAreExactGreatCircleOrderUnderAFilter() {
    java.util.Random random = new java.util.Random(311);
    java.util.Map<String, Double> distances = new java.util.HashMap<>();
    for (int i = 0; i < 80; i++) {
      String code = i % 4 == 0 ? "SIGN" : "PHF";
      double meters = 1400 * Math.sqrt(random.nextDouble());
      Location at = destination(random.nextDouble() * 360, meters);
      String id = fileAt(at, code);
      if (code.equals("PHF")) {
        distances.put(id, Circle.distanceMeters(LAT, LONG, at.latitude(), at.longitude()));
      }
    }
    List<String> expected =
        distances.entrySet().stream()
            .filter(e -> e.getValue() <= 1000)
            .sorted(
                java.util.Map.Entry.<String, Double>comparingByValue()
                    .thenComparing(e -> Long.parseLong(e.getKey())))
            .map(java.util.Map.Entry::getKey)
            .toList();

    List<String> found = new java.util.ArrayList<>();
    for (int page = 1; page <= 7; page++) {
      found.addAll(
          ids(
              requests.find(
                  ServiceRequestQuery.builder(SPRINGFIELD)
                      .near(new Circle(LAT, LONG, 1000))
                      .sortByDistance(true)
                      .serviceCodes(List.of("PHF"))
                      .page(page, 7)
                      .build(clock))));
    }

    assertEquals(expected, found);
  }

  @Test
  void newestFirstPagesInASmallCircleMatchABruteForceOrderAcrossCells() {
    java.util.Random random = new java.util.Random(42);
    List<String> inside = new java.util.ArrayList<>();
    for (int i = 0; i < 80; i++) {
      clock.advance(Duration.ofSeconds(random.nextInt(3)));
      Location at = destination(random.nextDouble() * 360, 1100 * Math.sqrt(random.nextDouble()));
      String id = fileAt(at, i % 5 == 0 ? "SIGN" : "PHF");
      if (i % 5 != 0 && Circle.distanceMeters(LAT, LONG, at.latitude(), at.longitude()) <= 700) {
        inside.add(id);
      }
    }
    // filed in time order, ties (same second) broken by the larger id first
    List<String> expected = new java.util.ArrayList<>(inside);
    java.util.Collections.reverse(expected);

    List<String> found = new java.util.ArrayList<>();
    for (int page = 1; page <= 10; page++) {
      found.addAll(
          ids(
              requests.find(
                  ServiceRequestQuery.builder(SPRINGFIELD)
                      .near(new Circle(LAT, LONG, 700))
                      .serviceCodes(List.of("PHF"))
                      .page(page, 6)
                      .build(clock))));
    }

    assertEquals(expected, found);
  }

  @Test
  void sortDistanceWithFewerMatchesThanAPageReturnsThemAll() {
    String only = fileAt(destination(10, 900), "PHF");
    fileAt(destination(10, 1100), "PHF");

    assertEquals(
        List.of(only), ids(search(builder().near(new Circle(LAT, LONG, 1000)).sortByDistance(true))));
    assertEquals(
        List.of(), ids(search(builder().near(new Circle(0, 0, 1000)).sortByDistance(true))));
  }

  @Test
  void sortDistanceNearAPoleSortsTheWholeCircle() {
    String near = fileAt(new Location(89.999, 20.0, null, null), "PHF");
    String across = fileAt(new Location(89.999, -160.0, null, null), "PHF");

    assertEquals(
        List.of(near, across),
        ids(search(builder().near(new Circle(89.999, 19.0, 1000)).sortByDistance(true))));
  }

  @Test
  void withoutSortTheNearbyRequestsComeNewestFirst() {
    String older = fileAt(destination(0, 10), "PHF");
    clock.advance(Duration.ofMinutes(1));
    String newer = fileAt(destination(0, 500), "PHF");

    assertEquals(List.of(newer, older), ids(search(builder().near(new Circle(LAT, LONG, 600)))));
  }

  @Test
  void radiusCombinesWithOtherFilters() {
    String pothole = fileAt(destination(0, 100), "PHF");
    fileAt(destination(0, 100), "SIGN");

    assertEquals(
        List.of(pothole),
        ids(search(builder().near(new Circle(LAT, LONG, 500)).serviceCodes(List.of("PHF")))));
  }

  @Test
  void requestsWithoutCoordinatesAreNeverNearAnything() {
    fileAt(new Location(null, null, "121 N LaSalle St", null), "PHF");

    assertEquals(List.of(), ids(search(builder().near(new Circle(LAT, LONG, 10_000)))));
    assertEquals(List.of(), ids(search(builder().bbox(new BoundingBox(-180, -90, 180, 90)))));
  }

  @Test
  void bboxIncludesItsEdgesAndExcludesWhatIsOutside() {
    String corner = fileAt(new Location(41.80, -87.70, null, null), "PHF");
    String inside = fileAt(new Location(41.85, -87.65, null, null), "PHF");
    fileAt(new Location(41.85, -87.5999, null, null), "PHF");
    fileAt(new Location(41.7999, -87.65, null, null), "PHF");

    List<String> found = ids(search(builder().bbox(new BoundingBox(-87.70, 41.80, -87.60, 41.90))));

    assertEquals(List.of(inside, corner), found);
  }

  @Test
  void aViewportOfAFewCellsIncludesItsEdgesNewestFirst() {
    String corner = fileAt(new Location(41.880, -87.640, null, null), "PHF");
    clock.advance(Duration.ofSeconds(1));
    String edge = fileAt(new Location(41.890, -87.630, null, null), "PHF");
    clock.advance(Duration.ofSeconds(1));
    String inside = fileAt(new Location(41.885, -87.6301, null, null), "PHF");
    fileAt(new Location(41.8901, -87.630, null, null), "PHF");
    fileAt(new Location(41.885, -87.6249, null, null), "PHF");

    List<String> found =
        ids(search(builder().bbox(new BoundingBox(-87.640, 41.880, -87.625, 41.890))));

    assertEquals(List.of(inside, edge, corner), found);
  }

  @Test
  void bboxAndRadiusTogetherMeanBoth() {
    String both = fileAt(destination(90, 200), "PHF");
    fileAt(destination(270, 200), "PHF");

    List<String> found =
        ids(
            search(
                builder()
                    .near(new Circle(LAT, LONG, 500))
                    .bbox(new BoundingBox(LONG, LAT - 0.01, LONG + 0.01, LAT + 0.01))));

    assertEquals(List.of(both), found);
  }

  @Test
  void areaFilterSelectsRequestsTaggedWithAnyListedAreaOfThatType() {
    String ward42 = fileAt(destination(0, 10), "PHF");
    String ward43 = fileAt(destination(0, 10), "PHF");
    String ward44 = fileAt(destination(0, 10), "PHF");
    String community42 = fileAt(destination(0, 10), "PHF");
    tag(ward42, "ward", "42");
    tag(ward43, "ward", "43");
    tag(ward44, "ward", "44");
    tag(community42, "community_area", "42");

    assertEquals(
        List.of(ward43, ward42),
        ids(search(builder().area(new AreaFilter("ward", List.of("42", "43"))))));
    assertEquals(
        List.of(community42),
        ids(search(builder().area(new AreaFilter("community_area", List.of("42"))))));
  }

  private ServiceRequestQueryBuilder builder() {
    return ServiceRequestQuery.builder(SPRINGFIELD).page(1, 500);
  }

  private List<ServiceRequest> search(ServiceRequestQueryBuilder builder) {
    return requests.find(builder.build(clock));
  }

  private String fileAt(Location location, String serviceCode) {
    return requests
        .file(TestRequests.from(SPRINGFIELD, serviceCode, Requester.ANONYMOUS, location))
        .serviceRequestId();
  }

  private void tag(String serviceRequestId, String areaType, String areaKey) {
    TestDatabases.jdbi(storage)
        .useHandle(
            h ->
                h.createUpdate(
                        """
                        insert into service_request_area (request_id, area_type, area_key)
                        select id, :type, :key from service_request where service_request_id = :id
                        """)
                    .bind("type", areaType)
                    .bind("key", areaKey)
                    .bind("id", serviceRequestId)
                    .execute());
  }

  private static List<String> ids(List<ServiceRequest> found) {
    return found.stream().map(ServiceRequest::serviceRequestId).toList();
  }

  /** The point at that distance and initial bearing from the center, on the search's sphere. */
  static Location destination(double bearingDegrees, double meters) {
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
