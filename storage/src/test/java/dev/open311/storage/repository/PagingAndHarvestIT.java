package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.Status;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.spec.query.AreaFilter;
import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.HarvestCursor;
import dev.open311.spec.query.ServiceRequestPage;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** page/page_size, updated_after/updated_before and the harvest order with its cursor. */
@ExtendWith(SharedStorage.class)
class PagingAndHarvestIT {

  private static final OffsetDateTime EPOCH = OffsetDateTime.parse("1970-01-01T00:00:00Z");

  private final Storage storage;
  private final ServiceRequests requests;
  private final TestClock clock;

  PagingAndHarvestIT(Storage storage, TestClock clock) {
    this.storage = storage;
    this.requests = storage.serviceRequests();
    this.clock = clock;
  }

  @BeforeEach
  void loadCatalog() {
    storage.catalog().load(TestCatalogs.springfield());
  }

  @Test
  void pagesSliceTheNewestFirstOrderAndAreEmptyPastTheEnd() {
    List<String> filed = fileMinutesApart(5);
    List<String> newestFirst = new ArrayList<>(filed);
    Collections.reverse(newestFirst);

    assertEquals(newestFirst.subList(0, 2), ids(builder().page(1, 2)));
    assertEquals(newestFirst.subList(2, 4), ids(builder().page(2, 2)));
    assertEquals(newestFirst.subList(4, 5), ids(builder().page(3, 2)));
    assertEquals(List.of(), ids(builder().page(4, 2)));
    assertEquals(newestFirst.subList(0, 2), ids(builder().page(0, 2)));
  }

  @Test
  void pagedCallsReachBeyondTheNinetyDayWindow() {
    clock.set(TestClock.START.minus(Duration.ofDays(400)));
    String old = file();
    clock.set(TestClock.START);

    assertEquals(List.of(), ids(builder()));
    assertEquals(List.of(old), ids(builder().page(1, null)));
  }

  @Test
  void updatedAfterIsInclusiveAndUpdatedBeforeExclusive() {
    List<String> filed = fileMinutesApart(3);
    OffsetDateTime second = OffsetDateTime.ofInstant(TestClock.START.plusSeconds(60), clock.getZone());

    assertEquals(filed.subList(1, 3), ids(builder().updated(second, null)));
    assertEquals(filed.subList(0, 1), ids(builder().updated(null, second)));
  }

  @Test
  void harvestOrderIsByChangeSoAnUpdatedRequestMovesToTheEnd() {
    List<String> filed = fileMinutesApart(3);
    requests.update(SPRINGFIELD, filed.get(0), Status.CLOSED, "fixed");

    assertEquals(
        List.of(filed.get(1), filed.get(2), filed.get(0)), ids(builder().updated(EPOCH, null)));
  }

  @Test
  void theCursorContinuesRightAfterTheLastRequestOfAPage() {
    List<String> filed = fileMinutesApart(5);

    ServiceRequestPage first = requests.search(builder().updated(EPOCH, null).page(null, 2).build(clock));
    ServiceRequestPage second = requests.search(builder().cursor(first.next()).page(null, 2).build(clock));
    ServiceRequestPage third = requests.search(builder().cursor(second.next()).page(null, 2).build(clock));
    ServiceRequestPage end = requests.search(builder().cursor(third.next()).page(null, 2).build(clock));

    assertEquals(filed.subList(0, 2), ids(first));
    assertEquals(filed.subList(2, 4), ids(second));
    assertEquals(filed.subList(4, 5), ids(third));
    assertEquals(List.of(), ids(end));
    assertNull(end.next());
  }

  @Test
  void theCursorIsExactWhenARequestAlreadyReturnedIsUpdated() {
    List<String> filed = fileMinutesApart(4);
    ServiceRequestPage first = requests.search(builder().updated(EPOCH, null).page(null, 2).build(clock));
    requests.update(SPRINGFIELD, filed.get(0), null, "a comment moves it to the end");

    ServiceRequestPage rest = requests.search(builder().cursor(first.next()).build(clock));

    // offset paging would now skip filed.get(2); the cursor returns the rest and the change
    assertEquals(List.of(filed.get(2), filed.get(3), filed.get(0)), ids(rest));
  }

  @Test
  void aHarvestWaitsForRowsOfTransactionsStillRunning() {
    String before = file();
    try (Handle running = TestDatabases.jdbi(storage).open()) {
      running.begin();
      long runningXid =
          running.createQuery("select pg_current_xact_id()::text").mapTo(Long.class).one();
      String after = file();

      ServiceRequestPage seen = requests.search(builder().updated(EPOCH, null).build(clock));
      assertEquals(List.of(before), ids(seen));

      running
          .createUpdate(
              """
              insert into service_request (service_request_id, jurisdiction_id,
                                           jurisdiction_num, service_id, service_code, status,
                                           requested_at, updated_at)
              select 'late', s.jurisdiction_id, j.num, s.id, s.service_code, 'open', now(), now()
                from service s join jurisdiction j using (jurisdiction_id)
               where s.service_code = 'SIGN'
              """)
          .execute();
      running.commit();

      ServiceRequestPage rest = requests.search(builder().cursor(seen.next()).build(clock));
      assertEquals(List.of("late", after), ids(rest), "the late row sorts before " + runningXid);
    }
  }

  /**
   * A harvest whose update range holds few requests reads the range whole and sorts it; a wider
   * one walks change order, on the change index alone when that holds every filter. Here change
   * order differs from both update order and key order, so a way that did not sort by change
   * would show.
   */
  @Test
  void aHarvestReturnsChangeOrderWhetherItReadsItsUpdateRangeWholeOrWalksChangeOrder() {
    String a = fileAt(10);
    String b = fileAt(30);
    String c = fileAt(20);
    clock.set(TestClock.START.plusSeconds(60L * 5));
    requests.update(SPRINGFIELD, c, Status.CLOSED, "closed before a");
    clock.set(TestClock.START.plusSeconds(60L * 6));
    requests.update(SPRINGFIELD, a, Status.CLOSED, "last in change order");
    // Change order b, c, a; update order c, a, b; key order a, b, c. Rows laid out in key order,
    // as after a bulk load, so that a read keeping the table's order is not right by chance.
    TestDatabases.jdbi(storage)
        .useHandle(h -> h.execute("cluster service_request using service_request_pkey"));

    assertHarvest(List.of(b, c, a), builder().updated(EPOCH, null));
    assertHarvest(List.of(b), builder().updated(minute(15), null));
    assertHarvest(List.of(c, a), builder().updated(EPOCH, minute(25)));
    assertHarvest(List.of(b, c), builder().updated(EPOCH, null).page(1, 2));
    assertHarvest(List.of(a), builder().updated(EPOCH, null).page(3, 1));
    Set<Status> closed = Set.of(Status.CLOSED);
    assertHarvest(List.of(c, a), builder().updated(EPOCH, null).statuses(closed));
    assertHarvest(List.of(c), builder().updated(EPOCH, null).statuses(closed).page(1, 1));
    assertHarvest(List.of(b), builder().updated(EPOCH, null).statuses(Set.of(Status.OPEN)));
    assertHarvest(List.of(), builder().updated(minute(60 * 24), null));
  }

  @Test
  void aHarvestWithAnIndexedFilterFindsItsPageByThatIndexWhenTheWalkRunsOutOfBudget() {
    String a = fileAt(10, "PHF");
    String b = fileAt(20, "SIGN");
    String c = fileAt(30, "PHF");
    String d = fileAt(40, "SIGN");
    tag(a, "ward:1");
    tag(d, "ward:1");
    clock.set(TestClock.START.plusSeconds(60L * 50));
    requests.update(SPRINGFIELD, c, Status.CLOSED, "last in change order");
    // Change order b, a, d, c; update order a, b, d, c; key order a, b, c, d.
    TestDatabases.jdbi(storage)
        .useHandle(h -> h.execute("cluster service_request using service_request_pkey"));
    List<String> phf = List.of("PHF");
    AreaFilter ward1 = new AreaFilter("ward", List.of("1"));

    assertHarvest(List.of(a, c), builder().updated(EPOCH, null).serviceCodes(phf));
    assertHarvest(List.of(a), builder().updated(EPOCH, null).serviceCodes(phf).page(1, 1));
    assertHarvest(List.of(c), builder().updated(EPOCH, null).serviceCodes(phf).page(2, 1));
    assertHarvest(List.of(), builder().updated(EPOCH, null).serviceCodes(phf).page(3, 1));
    assertHarvest(
        List.of(c),
        builder().updated(EPOCH, null).serviceCodes(phf).statuses(Set.of(Status.CLOSED)));
    assertHarvest(
        List.of(b, a, d, c), builder().updated(EPOCH, null).serviceCodes(List.of("SIGN", "PHF")));
    assertHarvest(
        List.of(d, c),
        builder().updated(EPOCH, null).serviceCodes(List.of("SIGN", "PHF")).page(2, 2));
    assertHarvest(List.of(), builder().updated(EPOCH, null).serviceCodes(List.of("NONE")));
    assertHarvest(List.of(a, d), builder().updated(EPOCH, null).area(ward1));
    assertHarvest(List.of(d), builder().updated(EPOCH, null).area(ward1).page(2, 1));
    assertHarvest(
        List.of(d), builder().updated(EPOCH, null).area(ward1).serviceCodes(List.of("SIGN")));
    assertHarvest(
        List.of(), builder().updated(EPOCH, null).area(new AreaFilter("ward", List.of("2"))));
    assertHarvest(
        List.of(b, a, d, c),
        builder().updated(EPOCH, null).bbox(new BoundingBox(-87.7, 41.8, -87.6, 41.9)));
    assertHarvest(
        List.of(), builder().updated(EPOCH, null).bbox(new BoundingBox(-87.5, 41.8, -87.4, 41.9)));
    assertHarvest(
        List.of(b, d, c),
        builder().updated(minute(15), null).serviceCodes(List.of("SIGN", "PHF")));
    assertHarvest(
        List.of(c),
        builder().updated(minute(15), null).serviceCodes(List.of("SIGN", "PHF")).page(2, 2));
    // The first change in the range, b, is not a match: with no budget the filter's index finds
    // the page, and the range still bounds it (a, before it, is out).
    assertHarvest(List.of(c), builder().updated(minute(15), null).serviceCodes(phf).page(1, 1));
    assertHarvest(List.of(d), builder().updated(minute(15), null).area(ward1).page(1, 1));
  }

  /**
   * The same requests by each way: the range read whole (a wide window), walked (none), walked
   * with no budget beyond the page (a filter's own index finds any page the first changes do not
   * fill), and the default.
   */
  private void assertHarvest(List<String> expected, ServiceRequestQueryBuilder builder) {
    ServiceRequestQuery query = builder.build(clock);
    for (HarvestReading reading :
        List.of(
            new HarvestReading(1_000, 1_000, 0, 0),
            new HarvestReading(0, 1_000, 0, 0),
            new HarvestReading(0, 0, 0, 0))) {
      List<String> found =
          TestDatabases.jdbi(storage)
              .withHandle(h -> ServiceRequestSearch.find(h, query, CatalogNames.NONE, null, reading))
              .stream()
              .map(row -> row.request().serviceRequestId())
              .toList();
      assertEquals(expected, found, reading.toString());
    }
    assertEquals(expected, ids(requests.search(query)));
  }

  private String fileAt(int minute, String serviceCode) {
    clock.set(TestClock.START.plusSeconds(60L * minute));
    return requests.file(TestRequests.anonymous(SPRINGFIELD, serviceCode)).serviceRequestId();
  }

  /** Gives the request that area tag, which moves it to the end of change order. */
  private void tag(String serviceRequestId, String tag) {
    TestDatabases.jdbi(storage)
        .useHandle(
            h ->
                h.createUpdate(
                        "update service_request set areas = array[:tag] where service_request_id = :id")
                    .bind("tag", tag)
                    .bind("id", serviceRequestId)
                    .execute());
  }

  private String fileAt(int minute) {
    clock.set(TestClock.START.plusSeconds(60L * minute));
    return file();
  }

  private OffsetDateTime minute(int minute) {
    return OffsetDateTime.ofInstant(TestClock.START.plusSeconds(60L * minute), clock.getZone());
  }

  @Test
  void aWideAreaIsPagedNewestFirstWhetherTheWalkFindsThePageOrNot() {
    // A box of 0.2 x 0.2 degrees: far more cells than NewestNearby reads.
    BoundingBox wide = new BoundingBox(-87.75, 41.80, -87.55, 42.00);
    dev.open311.spec.model.Location inside = TestRequests.CITY_HALL;
    dev.open311.spec.model.Location outside =
        new dev.open311.spec.model.Location(41.70, -87.60, "far south", null);
    List<String> inBox = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      clock.set(TestClock.START.plusSeconds(60L * i));
      String id = requests.file(TestRequests.from(SPRINGFIELD, "SIGN",
          dev.open311.spec.model.Requester.ANONYMOUS, i % 3 == 0 ? inside : outside))
          .serviceRequestId();
      if (i % 3 == 0) {
        inBox.add(0, id);
      }
    }
    // Page 2 of 3 (reach 6) and page 4 (reach 12, of which the box holds 10), each alone and
    // merged with another service's arm, read each way (30 rows, a third in the box):
    // - dense (an area of at least 1 request), a walk of 1,000 more rows: page 2 found, page 4
    //   every match, the walk ending at the oldest row;
    // - no more rows: the newest 6 or 12 hold 2 or 4 matches, so a far walk of 1.5 times the
    //   rows their rate asks for goes on: 27 rows find page 2, and 54 rows end at the oldest
    //   row, having found every match for page 4;
    // - the far walk held to 10 rows, too few for either: the GiST index finds the matches;
    // - quiet (an area of fewer than a million requests): the GiST index at once.
    for (int page : List.of(2, 4)) {
      for (List<String> codes : List.of(List.<String>of(), List.of("SIGN", "PHF"))) {
        ServiceRequestQuery query = builder().bbox(wide).serviceCodes(codes).page(page, 3)
            .build(clock);
        List<String> expected = inBox.subList(3 * (page - 1), Math.min(3 * page, inBox.size()));
        for (HarvestReading reading : List.of(
            new HarvestReading(0, 1_000, 1, 400_000),
            new HarvestReading(0, 0, 1, 400_000),
            new HarvestReading(0, 0, 1, 10),
            new HarvestReading(0, 1_000, 1_000_000, 400_000))) {
          List<String> found =
              TestDatabases.jdbi(storage)
                  .withHandle(
                      h -> ServiceRequestSearch.find(h, query, CatalogNames.NONE, null, reading))
                  .stream()
                  .map(row -> row.request().serviceRequestId())
                  .toList();
          assertEquals(expected, found, "page " + page + " " + codes + " " + reading);
        }
      }
    }
    assertEquals(List.of(), ids(builder().bbox(wide).page(5, 3)), "past the end, either way");
  }

  @Test
  void nextCursorNamesTheLastRowOnlyForHarvests() {
    fileMinutesApart(2);

    HarvestCursor next = requests.search(builder().updated(EPOCH, null).build(clock)).next();
    assertNotNull(next);
    assertNull(requests.search(builder().page(1, 10).build(clock)).next());
  }

  private ServiceRequestQueryBuilder builder() {
    return ServiceRequestQuery.builder(SPRINGFIELD);
  }

  private List<String> ids(ServiceRequestQueryBuilder builder) {
    return ids(requests.search(builder.build(clock)));
  }

  private static List<String> ids(ServiceRequestPage page) {
    return page.requests().stream().map(ServiceRequest::serviceRequestId).toList();
  }

  private String file() {
    return requests.file(TestRequests.anonymous(SPRINGFIELD, "SIGN")).serviceRequestId();
  }

  /** Files n requests a minute apart from the clock's start, oldest first. */
  private List<String> fileMinutesApart(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i -> {
              clock.set(TestClock.START.plusSeconds(60L * i));
              return file();
            })
        .toList();
  }
}
