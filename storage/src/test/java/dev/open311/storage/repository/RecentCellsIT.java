package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.model.Location;
import dev.open311.spec.model.Requester;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.Status;
import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.spec.query.ServiceRequestQueryBuilder;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import dev.open311.storage.TestDatabases;
import dev.open311.storage.dao.RecentCells;
import dev.open311.storage.geo.AreaLocator;
import dev.open311.storage.mapping.CatalogNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The map cells in memory answer exactly what the tables do, whatever changed since they were read:
 * requests filed through them or beside them, moved behind their back, or more changes than a
 * refresh takes. Every search is made twice, with the cells and without, and compared.
 */
@ExtendWith(SharedStorage.class)
class RecentCellsIT {

  private static final int FLOOD = 20;

  private final Storage storage;
  private final TestClock clock;
  private final Jdbi jdbi;
  private RecentCells recent;
  private PostgresServiceRequests cached;
  private PostgresServiceRequests plain;

  RecentCellsIT(Storage storage, TestClock clock) {
    this.storage = storage;
    this.clock = clock;
    this.jdbi = TestDatabases.jdbi(storage);
  }

  @BeforeEach
  void repositories() {
    storage.catalog().load(TestCatalogs.springfield());
    plain = new PostgresServiceRequests(jdbi, TestDatabases.dataSource(storage), clock);
  }

  /** Cells refreshed only when a test says, from now on, and a repository searching with them. */
  private void startCells() {
    startCells(RecentCells.manual(jdbi, FLOOD));
  }

  private void startCells(RecentCells cells) {
    recent = cells;
    cached =
        new PostgresServiceRequests(
            jdbi,
            jdbi,
            TestDatabases.dataSource(storage),
            clock,
            AreaLocator.NONE,
            CatalogNames.NONE,
            recent);
  }

  @AfterEach
  void stop() {
    if (recent != null) {
      recent.close();
    }
  }

  @Test
  void everySearchMatchesTheTablesWhileRequestsAreFiledAroundIt() {
    Random random = new Random(311);
    for (int i = 0; i < 300; i++) {
      file(random, i % 4 != 0);
    }
    startCells();
    for (int i = 0; i < 120; i++) {
      compare(randomSearch(random, i));
      if (i % 10 == 9) {
        // Filed through the other repository, as by another server: no refresh heard of them.
        for (int j = 0; j < 5; j++) {
          file(random, true);
        }
      }
      if (i % 25 == 24) {
        recent.refresh();
      }
    }
    assertTrue(recent.answered() > 40, "the cells answered " + recent.answered());
    assertTrue(recent.declined() > 0, "deep pages and fresh changes went to the tables");
  }

  @Test
  void aRequestFiledBesideTheCellsIsOnTheVeryNextPage() {
    Random random = new Random(7);
    ServiceRequestQuery around = warmCellsAround(random, 500);
    long answered = recent.answered();
    compare(around);
    assertEquals(answered + 1, recent.answered(), "warm cells answer");

    clock.advance(Duration.ofMinutes(5));
    String filed =
        plain
            .file(TestRequests.from(SPRINGFIELD, "PHF", Requester.ANONYMOUS, Places.around(0, 40)))
            .serviceRequestId();

    assertEquals(filed, compare(around).get(0));
    recent.refresh();
    assertEquals(filed, compare(around).get(0));
  }

  @Test
  void aRequestMovedBehindTheCellsBackWithoutAChangeMarkIsNotShownWhereItWas() {
    Random random = new Random(11);
    ServiceRequestQuery around = warmCellsAround(random, 300);
    String newest = compare(around).get(0);

    // As a restore or a hand edit might: without the trigger, change_xid stays as it was. (The
    // table's owner may do this; session_replication_role would need a superuser.)
    jdbi.useTransaction(
        h -> {
          h.execute("alter table service_request disable trigger service_request_touch");
          h.createUpdate(
                  "update service_request set lat = lat + 0.05, location = point(long, lat + 0.05)"
                      + " where service_request_id = :id")
              .bind("id", newest)
              .execute();
          h.execute("alter table service_request enable trigger service_request_touch");
        });

    long declined = recent.declined();
    List<String> after = compare(around);
    assertFalse(after.contains(newest), "moved 5 km away: " + after);
    assertEquals(declined + 1, recent.declined(), "the rows read told the cells were wrong");
  }

  @Test
  void rowsRewrittenWithoutAChangeMarkAreReadAgainWhereTheyNowAre() {
    Random random = new Random(17);
    ServiceRequestQuery around = warmCellsAround(random, 500);
    List<String> before = compare(around);
    assertFalse(before.isEmpty());
    long answered = recent.answered();
    compare(around);
    assertEquals(answered + 1, recent.answered(), "warm cells answer");

    // An area re-tag rewrites rows without a change mark (V12), so every row of the page gets a
    // new tuple id the cells do not know.
    jdbi.useTransaction(
        h -> {
          h.execute("set local open311.retag = 'on'");
          h.createUpdate("update service_request set areas = areas where jurisdiction_id = :j")
              .bind("j", SPRINGFIELD)
              .execute();
        });

    long declined = recent.declined();
    assertEquals(before, compare(around), "the same requests, read where they now are");
    assertEquals(declined + 1, recent.declined(), "the rows were not where the cells saw them");
    answered = recent.answered();
    assertEquals(before, compare(around));
    assertEquals(answered + 1, recent.answered(), "the cells, read again, answer again");
  }

  @Test
  void moreChangesThanARefreshTakesEmptyTheCellsUntilWritesCalmDown() {
    Random random = new Random(13);
    ServiceRequestQuery around = warmCellsAround(random, 500);

    for (int i = 0; i <= FLOOD; i++) {
      file(random, true);
    }
    recent.refresh();
    long declined = recent.declined();
    compare(around);
    assertEquals(declined + 1, recent.declined(), "flooded: searched without the cells");

    recent.refresh(); // nothing changed since: the cells are read again and answer
    long answered = recent.answered();
    compare(around);
    assertEquals(answered + 1, recent.answered(), "calm again: answered from the cells");
  }

  /**
   * Filings and searches on several threads, with the cells refreshed on their own thread as in a
   * server: no search fails, and once the writes stop every search matches the tables and the
   * refreshed cells answer again.
   */
  @Test
  void concurrentFilingsSearchesAndRefreshesLeaveTheCellsRight() throws Exception {
    Random seed = new Random(17);
    for (int i = 0; i < 60; i++) {
      file(seed, true);
    }
    startCells(RecentCells.start(jdbi)); // refreshed on its own thread, as in a server
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int thread = t;
        work.add(
            threads.submit(
                () -> {
                  Random random = new Random(100 + thread);
                  for (int i = 0; i < 60; i++) {
                    synchronized (clock) {
                      file(random, true);
                    }
                  }
                }));
        work.add(
            threads.submit(
                () -> {
                  Random random = new Random(200 + thread);
                  for (int i = 0; i < 150; i++) {
                    cached.find(randomSearch(random, i));
                  }
                }));
      }
      for (Future<?> done : work) {
        done.get(120, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    Random random = new Random(23);
    for (int i = 0; i < 40; i++) {
      compare(randomSearch(random, i));
    }
    ServiceRequestQuery around = around(500);
    long answered = recent.answered();
    for (int i = 0; i < 100 && recent.answered() == answered; i++) {
      Thread.sleep(100); // a refresh or two
      compare(around);
    }
    assertTrue(recent.answered() > answered, "the refreshed cells answer again");
  }

  /**
   * Files 60 requests, then starts the cells and reads those of a circle of {@code meters} around
   * the middle, up to date: the next search of it is answered from them.
   */
  private ServiceRequestQuery warmCellsAround(Random random, double meters) {
    for (int i = 0; i < 60; i++) {
      file(random, true);
    }
    startCells();
    ServiceRequestQuery around = around(meters);
    compare(around);
    recent.refresh();
    return around;
  }

  /** The ids the cached repository finds, after checking the plain one finds the same. */
  private List<String> compare(ServiceRequestQuery query) {
    List<String> expected = ids(plain.find(query));
    List<String> found = ids(cached.find(query));
    assertEquals(expected, found, query.toString());
    return found;
  }

  private static List<String> ids(List<ServiceRequest> requests) {
    return requests.stream().map(ServiceRequest::serviceRequestId).toList();
  }

  private ServiceRequestQuery around(double meters) {
    return ServiceRequestQuery.builder(SPRINGFIELD)
        .page(1, 50)
        .near(new Circle(Places.LAT, Places.LONG, meters))
        .build(clock);
  }

  private ServiceRequestQuery randomSearch(Random random, int i) {
    Location center = Places.around(random.nextDouble() * 360, 500 * random.nextDouble());
    double radius = List.of(15.0, 120.0, 300.0, 500.0, 800.0).get(random.nextInt(5));
    int pageSize = List.of(1, 7, 20, 50).get(random.nextInt(4));
    int page = 1 + random.nextInt(i % 7 == 6 ? 12 : 3);
    ServiceRequestQueryBuilder builder =
        ServiceRequestQuery.builder(SPRINGFIELD).page(page, pageSize);
    if (i % 3 != 1) {
      builder.near(new Circle(center.latitude(), center.longitude(), radius));
    }
    if (i % 3 != 0) {
      double halfHeight = 0.001 + random.nextDouble() * 0.006;
      double halfWidth = 0.001 + random.nextDouble() * 0.008;
      builder.bbox(
          new BoundingBox(
              center.longitude() - halfWidth,
              center.latitude() - halfHeight,
              center.longitude() + halfWidth,
              center.latitude() + halfHeight));
    }
    if (i % 11 == 5) {
      // Dates narrow the cells' answer too.
      builder
          .startDate(TestClock.START.plusSeconds(600).atOffset(java.time.ZoneOffset.UTC))
          .endDate(clock.instant().minusSeconds(600).atOffset(java.time.ZoneOffset.UTC));
    }
    return builder.build(clock);
  }

  /** Files a request up to 900 m out, denser near the middle; some at the instant before. */
  private void file(Random random, boolean later) {
    if (later) {
      clock.advance(Duration.ofSeconds(1 + random.nextInt(600)));
    }
    Location at =
        Places.around(random.nextDouble() * 360, 900 * Math.pow(random.nextDouble(), 1.5));
    String id =
        plain
            .file(TestRequests.from(SPRINGFIELD, "PHF", Requester.ANONYMOUS, at))
            .serviceRequestId();
    if (random.nextInt(4) == 0) {
      plain.update(SPRINGFIELD, id, Status.CLOSED, null);
    }
  }
}
