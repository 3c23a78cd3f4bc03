package dev.open311.storage.bulk;

import static dev.open311.storage.bulk.BulkFixtures.BAD_LINES;
import static dev.open311.storage.bulk.BulkFixtures.CHICAGO;
import static dev.open311.storage.bulk.BulkFixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk mode of import chicago-csv: the indexes dropped for the load are exactly the migrations'
 * again afterwards, also after an interruption, and a bulk load still upserts.
 */
@ExtendWith(SharedStorage.class)
class BulkLoadIT {

  private static final int GOOD = BulkFixtures.SAMPLE_ROWS - BAD_LINES.size();

  private final Storage storage;
  @TempDir Path tempDir;

  BulkLoadIT(Storage storage) {
    this.storage = storage;
  }

  @BeforeEach
  void loadCatalog() {
    BulkFixtures.loadCatalog(storage);
  }

  private BulkFixtures.Recorder recorder = new BulkFixtures.Recorder();

  private ChicagoCsvImport.Result run(Path file, ChicagoCsvImport.Options options)
      throws IOException {
    recorder = new BulkFixtures.Recorder();
    return storage.bulk().chicagoImport().run(file, CHICAGO, options, recorder);
  }

  private static ChicagoCsvImport.Options options(
      int batchSize, int maxBatches, ChicagoCsvImport.Bulk bulk) {
    return new ChicagoCsvImport.Options(batchSize, maxBatches, false, 2, bulk);
  }

  /** Every index of the schema with its definition, as the migrations made them. */
  private List<String> indexes() {
    return TestDatabases.jdbi(storage)
        .withHandle(
            h ->
                h.createQuery(
                        """
                        select indexname || ': ' || indexdef from pg_indexes
                         where schemaname = current_schema() order by indexname
                        """)
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void aFirstImportLoadsInBulkAndEndsWithExactlyTheMigrationsIndexes() throws IOException {
    List<String> before = indexes();

    ChicagoCsvImport.Result result = run(BulkFixtures.sample(), ChicagoCsvImport.Options.DEFAULT);

    assertTrue(result.bulk(), "no request was stored: auto is bulk");
    assertEquals(13, result.indexesBuilt());
    assertTrue(result.indexBuildTime().toNanos() > 0, result.indexBuildTime().toString());
    // Told of each index as it was built, in order, on the importing thread.
    assertEquals(13, recorder.indexesAnnounced);
    assertEquals(13, recorder.indexesBuilt.size(), recorder.indexesBuilt.toString());
    for (int i = 0; i < 13; i++) {
      assertTrue(recorder.indexesBuilt.get(i).endsWith(" " + (i + 1) + "/13"),
          recorder.indexesBuilt.toString());
    }
    assertTrue(recorder.indexesBuilt.stream().anyMatch(i -> i.startsWith("service_request_newest ")),
        recorder.indexesBuilt.toString());
    assertTrue(recorder.callers.stream().allMatch(t -> t == Thread.currentThread()));
    assertEquals(before, indexes());
    assertEquals(0, count(storage, "select count(*) from import_dropped_index"));
    assertEquals(GOOD, count(storage, "select count(*) from service_request"));
    assertEquals(GOOD, count(storage, "select count(*) from service_request_note where type = 'opened'"));
    assertEquals(GOOD * 3L, count(storage, "select sum(cardinality(areas)) from service_request"));
    // COPY as a superuser checks no foreign key: the number must be the jurisdiction's (V13).
    assertEquals(0, count(storage, """
        select count(*) from service_request r join jurisdiction j using (jurisdiction_id)
         where r.jurisdiction_num is distinct from j.num
        """));
  }

  @Test
  void anInterruptedBulkImportKeepsTheDroppedIndexesRecordedAndResumesToAllOfThem()
      throws IOException {
    List<String> before = indexes();

    ChicagoCsvImport.Result stopped =
        run(BulkFixtures.sample(), options(50, 2, ChicagoCsvImport.Bulk.AUTO));

    assertFalse(stopped.finished());
    List<String> during = indexes();
    assertEquals(before.size() - 13, during.size());
    assertTrue(during.stream().noneMatch(i -> i.startsWith("service_request_newest:")));
    assertEquals(13, count(storage, "select count(*) from import_dropped_index"));

    ChicagoCsvImport.Result resumed =
        run(BulkFixtures.sample(), options(50, 0, ChicagoCsvImport.Bulk.AUTO));

    assertTrue(resumed.finished());
    assertTrue(resumed.bulk(), "indexes were still out: the resumed run loads in bulk too");
    assertEquals(before, indexes());
    assertEquals(0, count(storage, "select count(*) from import_dropped_index"));
    assertEquals(GOOD, count(storage, "select count(*) from service_request"));
    assertEquals(GOOD, count(storage, "select count(*) from service_request_note where type = 'opened'"));
    assertEquals(GOOD * 3L, count(storage, "select sum(cardinality(areas)) from service_request"));
  }

  @Test
  void indexesLeftOutByAStoppedBulkImportAreBuiltByTheNextImportWithoutBulk() throws IOException {
    List<String> before = indexes();
    run(BulkFixtures.sample(), options(50, 1, ChicagoCsvImport.Bulk.AUTO));
    assertNotEquals(before, indexes());

    ChicagoCsvImport.Result resumed =
        run(BulkFixtures.sample(), options(50, 0, ChicagoCsvImport.Bulk.NEVER));

    assertFalse(resumed.bulk());
    assertEquals(before, indexes());
    assertEquals(GOOD, count(storage, "select count(*) from service_request"));
  }

  @Test
  void restorePendingBuildsWhatAStoppedBulkImportLeftOutUnlessABulkLoadHoldsTheLock()
      throws IOException {
    List<String> before = indexes();
    run(BulkFixtures.sample(), options(50, 1, ChicagoCsvImport.Bulk.AUTO));

    try (Handle running = TestDatabases.jdbi(storage).open()) {
      assertTrue(BulkIndexes.tryLock(running));
      assertEquals(0, BulkIndexes.restorePending(TestDatabases.jdbi(storage), 3));
      BulkIndexes.unlock(running);
    }
    assertNotEquals(before, indexes());

    assertEquals(13, BulkIndexes.restorePending(TestDatabases.jdbi(storage), 3));
    assertEquals(before, indexes());
  }

  @Test
  void theLongestBuildsComeFirst() throws IOException {
    run(BulkFixtures.sample(), options(50, 1, ChicagoCsvImport.Bulk.AUTO));
    List<String> order = new ArrayList<>();
    Jdbi jdbi = TestDatabases.jdbi(storage);
    List<String> pending = jdbi.withHandle(BulkIndexes::pending);

    // One worker builds them one by one, in the order planned.
    assertEquals(
        13, BulkIndexes.restore(jdbi, pending, 1, (name, built, total) -> order.add(name)));

    assertEquals("service_request_location", order.get(0), order.toString());
    List<String> full = List.of("service_request_by_area", "service_request_by_cell",
        "service_request_change", "service_request_newest", "service_request_updated");
    List<String> partial = List.of("service_request_closed", "service_request_closed_by_service",
        "service_request_open", "service_request_open_by_service", "service_request_parent");
    int lastFull = full.stream().mapToInt(order::indexOf).max().orElseThrow();
    int firstPartial = partial.stream().mapToInt(order::indexOf).min().orElseThrow();
    assertTrue(lastFull < firstPartial, order.toString());
  }

  @Test
  void aBulkReImportStillUpsertsAndLeavesUnchangedRowsAlone() throws IOException {
    run(BulkFixtures.sample(), ChicagoCsvImport.Options.DEFAULT);
    String id = "SR20-01000045"; // open in the sample
    long unchangedXid =
        count(storage, "select max(change_xid::text::bigint) from service_request"
            + " where service_request_id <> '" + id + "'");
    Path changed = tempDir.resolve("changed.csv");
    List<String> lines = Files.readAllLines(BulkFixtures.sample());
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(id + ",")) {
        String[] f = lines.get(i).split(",", -1);
        f[5] = "Completed";
        f[9] = "2020-09-10T08:00:00.000";
        lines.set(i, String.join(",", f));
      }
    }
    Files.write(changed, lines);
    List<String> before = indexes();

    ChicagoCsvImport.Result result = run(changed, options(50_000, 0, ChicagoCsvImport.Bulk.ALWAYS));

    assertTrue(result.bulk());
    assertEquals(before, indexes());
    assertEquals(GOOD, count(storage, "select count(*) from service_request"));
    assertEquals("closed", TestDatabasesView.text(storage,
        "select status from service_request where service_request_id = '" + id + "'"));
    String where = " where request_id = (select id from service_request where service_request_id = '"
        + id + "')";
    assertEquals(1, count(storage, "select count(*) from service_request_note" + where
        + " and type = 'closed'"));
    assertEquals(1, count(storage, "select count(*) from service_request_note" + where
        + " and type = 'opened'"));
    assertEquals(unchangedXid,
        count(storage, "select max(change_xid::text::bigint) from service_request"
            + " where service_request_id <> '" + id + "'"),
        "unchanged rows are not rewritten");
    assertTrue(
        count(storage, "select change_xid::text::bigint from service_request"
            + " where service_request_id = '" + id + "'") > unchangedXid,
        "the changed row moved in the harvest order");
  }

  @Test
  void aPublicIdSeenAgainInALaterBatchOfAFirstLoadIsUpdatedNotDuplicated() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(BulkFixtures.sample()));
    String first = lines.get(1); // SR21-01000001, Completed
    String[] f = first.split(",", -1);
    f[5] = "Open";
    f[9] = "";
    lines.add(String.join(",", f)); // the last batch has it again, open now
    Path file = Files.write(tempDir.resolve("again.csv"), lines);

    ChicagoCsvImport.Result result = run(file, options(50, 0, ChicagoCsvImport.Bulk.AUTO));

    assertTrue(result.bulk());
    assertEquals(GOOD, count(storage, "select count(*) from service_request"));
    assertEquals("open", TestDatabasesView.text(storage,
        "select status from service_request where service_request_id = '" + f[0] + "'"));
    String where = " where request_id = (select id from service_request where service_request_id = '"
        + f[0] + "')";
    assertEquals(0, count(storage, "select count(*) from service_request_note" + where
        + " and type = 'closed'"));
    assertEquals(3, count(storage, "select cardinality(areas) from service_request"
        + " where service_request_id = '" + f[0] + "'"));
  }

  @Test
  void neverBulkLeavesTheIndexesInPlace() throws IOException {
    List<String> before = indexes();

    ChicagoCsvImport.Result result =
        run(BulkFixtures.sample(), options(50, 2, ChicagoCsvImport.Bulk.NEVER));

    assertFalse(result.bulk());
    assertEquals(before, indexes());
    assertEquals(0, count(storage, "select count(*) from import_dropped_index"));
  }
}
