package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.model.Location;
import dev.open311.spec.model.Requester;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.Status;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.spec.query.ServiceRequestQueryBuilder;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import dev.open311.storage.TestDatabases;
import dev.open311.storage.dao.HarvestReading;
import dev.open311.storage.dao.ServiceRequestSearch;
import dev.open311.storage.mapping.CatalogNames;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The orders of spatial searches: sort=distance (two steps through the GiST index) and newest
 * first in a small circle or viewport (by cell), each checked against a brute-force order.
 */
@ExtendWith(SharedStorage.class)
class SpatialOrderIT {

  private static final double LAT = Places.LAT;
  private static final double LONG = Places.LONG;

  private final Storage storage;
  private final ServiceRequests requests;
  private final TestClock clock;

  SpatialOrderIT(Storage storage, TestClock clock) {
    this.storage = storage;
    this.requests = storage.serviceRequests();
    this.clock = clock;
  }

  @BeforeEach
  void loadCatalog() {
    storage.catalog().load(TestCatalogs.springfield());
  }

  @Test
  void sortDistanceGivesNearestFirstAndTiesByKey() {
    String far = fileAt(Places.around(10, 800), "PHF");
    String near = fileAt(Places.around(200, 100), "PHF");
    String tieFirst = fileAt(Places.around(300, 400), "PHF");
    String tieSecond = fileAt(Places.around(300, 400), "PHF");
    String middle = fileAt(Places.around(45, 300), "PHF");

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
      Location at = Places.around(random.nextDouble() * 360, meters);
      String id = fileAt(at, code);
      if (code.equals("PHF")) {
        distances.put(id, Circle.distanceMeters(LAT, LONG, at.latitude(), at.longitude()));
      }
    }
    distances.values().removeIf(meters -> meters > 1000);
    List<String> expected = nearestFirst(distances);

    List<String> found = nearestPages(7, 7, builder -> builder.serviceCodes(List.of("PHF")));

    assertEquals(expected, found);
  }

  @Test
  void openRequestsNearestFirstAreExactGreatCircleOrderWithoutTheClosed() {
    // Unpaged, the open requests of the last 90 days are listed from the cells; paged, walked.
    // A request closed leaves them, one reopened comes back.
    java.util.Random random = new java.util.Random(15);
    java.util.Map<String, Double> open = new java.util.HashMap<>();
    java.util.Map<String, Double> closed = new java.util.HashMap<>();
    for (int i = 0; i < 90; i++) {
      double meters = 1300 * Math.sqrt(random.nextDouble());
      Location at = Places.around(random.nextDouble() * 360, meters);
      String id = fileAt(at, i % 5 == 0 ? "SIGN" : "PHF");
      double distance = Circle.distanceMeters(LAT, LONG, at.latitude(), at.longitude());
      if (i % 3 == 0) {
        requests.update(SPRINGFIELD, id, Status.CLOSED, "done");
        if (i % 9 == 0) {
          requests.update(SPRINGFIELD, id, Status.OPEN, "not done after all");
          open.put(id, distance);
        } else {
          closed.put(id, distance);
        }
      } else {
        open.put(id, distance);
      }
    }
    open.values().removeIf(meters -> meters > 1000);
    closed.values().removeIf(meters -> meters > 1000);

    assertEquals(
        nearestFirst(open), nearestPages(15, 6, builder -> builder.statuses(Set.of(Status.OPEN))));
    assertEquals(
        nearestFirst(closed),
        nearestPages(15, 6, builder -> builder.statuses(Set.of(Status.CLOSED))));
    for (HarvestReading reading :
        List.of(new HarvestReading(0, 0, 0, 0, 0), new HarvestReading(0, 0, 0, 0, 3_000_000))) {
      ServiceRequestQuery unpaged =
          ServiceRequestQuery.builder(SPRINGFIELD)
              .near(new Circle(LAT, LONG, 1000))
              .sortByDistance(true)
              .statuses(Set.of(Status.OPEN))
              .build(clock);
      assertEquals(nearestFirst(open), read(unpaged, reading), reading.toString());
    }
  }

  /** The first {@code pages} pages of {@code size} within 1 km nearest first, as filtered. */
  private List<String> nearestPages(
      int pages, int size, java.util.function.UnaryOperator<ServiceRequestQueryBuilder> filter) {
    List<String> found = new java.util.ArrayList<>();
    for (int page = 1; page <= pages; page++) {
      found.addAll(
          ids(
              requests.find(
                  filter
                      .apply(
                          ServiceRequestQuery.builder(SPRINGFIELD)
                              .near(new Circle(LAT, LONG, 1000))
                              .sortByDistance(true)
                              .page(page, size))
                      .build(clock))));
    }
    return found;
  }

  @Test
  void servicesNearestFirstAreTheSameListedOrWalked() {
    java.util.Random random = new java.util.Random(7);
    java.util.Map<String, Double> expectedDistances = new java.util.HashMap<>();
    OffsetDateTime from = null;
    for (int i = 0; i < 90; i++) {
      clock.advance(Duration.ofMinutes(1));
      if (i == 20) {
        from = OffsetDateTime.ofInstant(clock.instant(), clock.getZone());
      }
      String code = List.of("PHF", "SIGN", "TIP").get(i % 3);
      Location at = Places.around(random.nextDouble() * 360, 1400 * Math.sqrt(random.nextDouble()));
      String id = fileAt(at, code);
      boolean closed = i % 4 == 0 && id != null; // a blackbox service (TIP) tells no id
      if (closed) {
        requests.update(SPRINGFIELD, id, Status.CLOSED, "done");
      }
      double meters = Circle.distanceMeters(LAT, LONG, at.latitude(), at.longitude());
      if (i >= 20 && !code.equals("TIP") && !closed && meters <= 1000) {
        expectedDistances.put(id, meters);
      }
    }
    List<String> expected = nearestFirst(expectedDistances);
    assertTrue(expected.size() > 14, expected.toString());

    // Never listed (a walk nearest first), always listed, and as the default decides.
    OffsetDateTime since = from;
    assertEachWay(
        expected,
        9,
        1000,
        (page, builder) ->
            builder
                .serviceCodes(List.of("SIGN", "PHF"))
                .statuses(Set.of(Status.OPEN))
                .startDate(since)
                .page(page, 7),
        new HarvestReading(0, 0, 0, 0, 0),
        new HarvestReading(0, 0, 0, 0, 3_000_000),
        HarvestReading.DEFAULT);
  }

  @Test
  void aWindowOfDatesNearestFirstIsTheSameListedOrWalked() {
    java.util.Random random = new java.util.Random(11);
    java.util.Map<String, Double> expectedDistances = new java.util.HashMap<>();
    java.util.Map<String, Double> windowed = new java.util.HashMap<>(); // at any distance
    OffsetDateTime from = null;
    OffsetDateTime to = null;
    for (int i = 0; i < 60; i++) {
      clock.advance(Duration.ofMinutes(1));
      if (i == 15) {
        from = OffsetDateTime.ofInstant(clock.instant(), clock.getZone());
      } else if (i == 45) {
        to = OffsetDateTime.ofInstant(clock.instant(), clock.getZone());
      }
      Location at = Places.around(random.nextDouble() * 360, 1400 * Math.sqrt(random.nextDouble()));
      String id = fileAt(at, i % 2 == 0 ? "PHF" : "SIGN");
      double meters = Circle.distanceMeters(LAT, LONG, at.latitude(), at.longitude());
      if (i >= 15 && i < 45) {
        windowed.put(id, meters);
        if (meters <= 1000) {
          expectedDistances.put(id, meters);
        }
      }
    }
    List<String> expected = nearestFirst(expectedDistances);
    assertTrue(expected.size() > 7, expected.toString());

    OffsetDateTime start = from;
    OffsetDateTime end = to;
    // Walked; listed from the cells; too many to list from them (ten at most), so walked.
    assertEachWay(
        expected,
        6,
        1000,
        (page, builder) -> builder.startDate(start).endDate(end).page(page, 5),
        new HarvestReading(0, 0, 0, 0, 0),
        new HarvestReading(0, 0, 0, 0, 3_000_000),
        new HarvestReading(0, 0, 0, 0, 2));
    // The whole widest circle, from the cells or walked.
    assertEachWay(
        nearestFirst(windowed),
        8,
        10_000,
        (page, builder) -> builder.startDate(start).endDate(end).page(page, 5),
        new HarvestReading(0, 0, 0, 0, 0),
        new HarvestReading(0, 0, 0, 0, 3_000_000));
    // The open requests (all of them here) of the window, from the cells or walked.
    assertEachWay(
        expected,
        6,
        1000,
        (page, builder) ->
            builder.statuses(Set.of(Status.OPEN)).startDate(start).endDate(end).page(page, 5),
        new HarvestReading(0, 0, 0, 0, 0),
        new HarvestReading(0, 0, 0, 0, 3_000_000));
  }

  @Test
  void aWindowNearestFirstWithAStatusAndAViewportIsTheSameFromTheCellsOrWalked() {
    // Unpaged, within two dates; the status, and a viewport that cuts the circle, tested on each
    // request the cells list.
    java.util.Random random = new java.util.Random(90);
    for (int i = 0; i < 12; i++) {
      Location at = Places.around(random.nextDouble() * 360, 900 * random.nextDouble());
      String old = fileAt(at, "PHF");
      requests.update(SPRINGFIELD, old, Status.CLOSED, "done long ago");
    }
    clock.advance(Duration.ofDays(3));
    OffsetDateTime from = OffsetDateTime.ofInstant(clock.instant(), clock.getZone());
    java.util.Map<String, Double> expectedDistances = new java.util.HashMap<>();
    BoundingBox viewport = new BoundingBox(LONG - 0.02, LAT - 0.006, LONG + 0.02, LAT + 0.02);
    for (int i = 0; i < 70; i++) {
      Location at = Places.around(random.nextDouble() * 360, 1300 * Math.sqrt(random.nextDouble()));
      String id = fileAt(at, i % 3 == 0 ? "SIGN" : "PHF");
      boolean closed = i % 4 != 0;
      if (closed) {
        requests.update(SPRINGFIELD, id, Status.CLOSED, "done");
      }
      double meters = Circle.distanceMeters(LAT, LONG, at.latitude(), at.longitude());
      boolean inViewport =
          at.longitude() >= viewport.minLongitude() && at.longitude() <= viewport.maxLongitude()
              && at.latitude() >= viewport.minLatitude() && at.latitude() <= viewport.maxLatitude();
      if (closed && meters <= 1000 && inViewport) {
        expectedDistances.put(id, meters);
      }
    }
    List<String> expected = nearestFirst(expectedDistances);
    assertTrue(expected.size() > 20, expected.toString());
    clock.advance(Duration.ofDays(1));
    OffsetDateTime to = OffsetDateTime.ofInstant(clock.instant(), clock.getZone());

    for (HarvestReading reading :
        List.of(
            new HarvestReading(0, 0, 0, 0, 0),
            new HarvestReading(0, 0, 0, 0, 3_000_000),
            new HarvestReading(0, 0, 0, 0, 4))) {
      ServiceRequestQuery window =
          ServiceRequestQuery.builder(SPRINGFIELD)
              .near(new Circle(LAT, LONG, 1000))
              .bbox(viewport)
              .sortByDistance(true)
              .statuses(Set.of(Status.CLOSED))
              .startDate(from)
              .endDate(to)
              .build(clock);
      assertEquals(expected, read(window, reading), reading.toString());
    }
  }

  /** The ids the search finds, its harvest and listings read as {@code reading} says. */
  private List<String> read(ServiceRequestQuery query, HarvestReading reading) {
    return TestDatabases.jdbi(storage)
        .withHandle(
            h ->
                ServiceRequestSearch.find(h, query, CatalogNames.NONE, null, reading).stream()
                    .map(row -> row.request().serviceRequestId())
                    .toList());
  }

  /** The keys nearest first, ties by key. */
  private static List<String> nearestFirst(java.util.Map<String, Double> distances) {
    return distances.entrySet().stream()
        .sorted(
            java.util.Map.Entry.<String, Double>comparingByValue()
                .thenComparing(e -> Long.parseLong(e.getKey())))
        .map(java.util.Map.Entry::getKey)
        .toList();
  }

  /**
   * The first {@code pages} pages nearest first within {@code meters}, as {@code page} shapes
   * each, read each of the {@code readings} ways, are {@code expected}.
   */
  private void assertEachWay(
      List<String> expected,
      int pages,
      double meters,
      java.util.function.BiFunction<Integer, ServiceRequestQueryBuilder, ServiceRequestQueryBuilder>
          page,
      HarvestReading... readings) {
    for (HarvestReading reading : readings) {
      List<String> found = new java.util.ArrayList<>();
      for (int number = 1; number <= pages; number++) {
        ServiceRequestQuery query =
            page.apply(
                    number,
                    ServiceRequestQuery.builder(SPRINGFIELD)
                        .near(new Circle(LAT, LONG, meters))
                        .sortByDistance(true))
                .build(clock);
        found.addAll(read(query, reading));
      }
      assertEquals(expected, found, reading.toString());
    }
  }

  @Test
  void theListingBoundGrowsWithThePageAndTheRequestsWithinItsLimits() {
    ServiceRequestQuery first = ServiceRequestQuery.builder(SPRINGFIELD).page(1, 50).build(clock);
    ServiceRequestQuery deep = ServiceRequestQuery.builder(SPRINGFIELD).page(20, 50).build(clock);

    assertEquals(19_000, ServiceRequestSearch.listingBound(first, 10_500_000, 60_000));
    assertEquals(60_000, ServiceRequestSearch.listingBound(deep, 10_500_000, 60_000));
    // Few requests, or none counted yet: a thirtieth of the most.
    assertEquals(2_000, ServiceRequestSearch.listingBound(first, 10_000, 60_000));
    assertEquals(2_000, ServiceRequestSearch.listingBound(first, -1, 60_000));
    assertEquals(0, ServiceRequestSearch.listingBound(deep, 10_500_000, 0));
  }

  @Test
  void newestFirstPagesInASmallCircleMatchABruteForceOrderAcrossCells() {
    java.util.Random random = new java.util.Random(42);
    List<String> inside = new java.util.ArrayList<>();
    for (int i = 0; i < 80; i++) {
      clock.advance(Duration.ofSeconds(random.nextInt(3)));
      Location at = Places.around(random.nextDouble() * 360, 1100 * Math.sqrt(random.nextDouble()));
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
    String only = fileAt(Places.around(10, 900), "PHF");
    fileAt(Places.around(10, 1100), "PHF");

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
    String older = fileAt(Places.around(0, 10), "PHF");
    clock.advance(Duration.ofMinutes(1));
    String newer = fileAt(Places.around(0, 500), "PHF");

    assertEquals(List.of(newer, older), ids(search(builder().near(new Circle(LAT, LONG, 600)))));
  }

  @Test
  void aRequestInACellTheCircleOnlyGrazesIsFound() {
    double center = 41.9 - 499.0 / Circle.EARTH_RADIUS_METERS * 180 / Math.PI;
    String tip = fileAt(new Location(41.900003, -87.635, null, null), "PHF");
    fileAt(new Location(41.900003, -87.6345, null, null), "PHF");
    String middle = fileAt(new Location(center, -87.635, null, null), "PHF");

    assertEquals(List.of(middle, tip), ids(search(builder().near(new Circle(center, -87.635, 500)))));
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

  private static List<String> ids(List<ServiceRequest> found) {
    return found.stream().map(ServiceRequest::serviceRequestId).toList();
  }

}
