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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** lat/long/radius, bbox and the area filter: which requests they select. */
@ExtendWith(SharedStorage.class)
class SpatialSearchIT {

  private static final double LAT = Places.LAT;
  private static final double LONG = Places.LONG;

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
      String inside = fileAt(Places.around(bearing, 999), "PHF");
      String outside = fileAt(Places.around(bearing, 1001), "PHF");

      List<String> found = ids(search(builder().near(new Circle(LAT, LONG, 1000))));

      assertEquals(true, found.contains(inside), "999 m at bearing " + bearing);
      assertEquals(false, found.contains(outside), "1001 m at bearing " + bearing);
    }
  }

  @Test
  void aCircleWithinOneCellFindsItsRequests() {
    String inside = fileAt(Places.around(90, 9), "PHF");
    fileAt(Places.around(90, 11), "PHF");

    assertEquals(List.of(inside), ids(search(builder().near(new Circle(LAT, LONG, 10)))));
    assertEquals(List.of(), ids(search(builder().near(new Circle(LAT, LONG, 10)).page(2, 1))));
  }

  @Test
  void radiusDefaultsToOneKilometer() {
    String inside = fileAt(Places.around(90, 990), "PHF");
    fileAt(Places.around(90, 1010), "PHF");

    assertEquals(List.of(inside), ids(search(builder().near(Circle.of(LAT, LONG, null)))));
  }

  @Test
  void radiusCombinesWithOtherFilters() {
    String pothole = fileAt(Places.around(0, 100), "PHF");
    fileAt(Places.around(0, 100), "SIGN");

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
  void bboxAndRadiusTogetherMeanBoth() {
    String both = fileAt(Places.around(90, 200), "PHF");
    fileAt(Places.around(270, 200), "PHF");

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
    String ward42 = fileAt(Places.around(0, 10), "PHF");
    String ward43 = fileAt(Places.around(0, 10), "PHF");
    String ward44 = fileAt(Places.around(0, 10), "PHF");
    String community42 = fileAt(Places.around(0, 10), "PHF");
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

  @Test
  void areaPagesAreTheNewestMatchesWhicheverStepFindsThem() {
    List<String> filed = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      clock.advance(Duration.ofMinutes(1));
      filed.add(fileAt(Places.around(0, 10), i == 5 ? "SIGN" : "PHF"));
    }
    for (int i : new int[] {0, 2, 3, 5}) {
      tag(filed.get(i), "ward", "1");
    }
    tag(filed.get(4), "ward", "2");
    AreaFilter ward1 = new AreaFilter("ward", List.of("1"));

    // The newest requests hold the page's reach (ServiceRequestSearch.newestInAreas, step one)...
    assertEquals(
        List.of(filed.get(5), filed.get(3)), ids(search(builder().area(ward1).page(1, 2))));
    assertEquals(
        List.of(filed.get(2), filed.get(0)), ids(search(builder().area(ward1).page(2, 2))));
    assertEquals(
        List.of(filed.get(3), filed.get(2)),
        ids(search(builder().area(ward1).serviceCodes(List.of("PHF")).page(1, 2))));
    // ... or not, and the tags' index finds the matches (step two).
    assertEquals(
        List.of(filed.get(5), filed.get(3), filed.get(2), filed.get(0)),
        ids(search(builder().area(ward1).page(1, 10))));
    assertEquals(List.of(filed.get(0)), ids(search(builder().area(ward1).page(2, 3))));
    assertEquals(List.of(), ids(search(builder().area(ward1).page(3, 2))));
    assertEquals(
        List.of(filed.get(4), filed.get(3), filed.get(2), filed.get(0)),
        ids(
            search(
                builder()
                    .area(new AreaFilter("ward", List.of("1", "2")))
                    .serviceCodes(List.of("PHF"))
                    .page(1, 10))));
    assertEquals(List.of(), ids(search(builder().area(new AreaFilter("ward", List.of("9"))))));
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
                        update service_request
                           set areas = area_tags_replaced(areas, '{}', array[:type || ':' || :key])
                         where service_request_id = :id
                        """)
                    .bind("type", areaType)
                    .bind("key", areaKey)
                    .bind("id", serviceRequestId)
                    .execute());
  }

  private static List<String> ids(List<ServiceRequest> found) {
    return found.stream().map(ServiceRequest::serviceRequestId).toList();
  }

}
