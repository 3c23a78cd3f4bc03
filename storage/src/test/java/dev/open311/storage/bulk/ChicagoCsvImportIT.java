package dev.open311.storage.bulk;

import static dev.open311.storage.bulk.BulkFixtures.BAD_LINES;
import static dev.open311.storage.bulk.BulkFixtures.CHICAGO;
import static dev.open311.storage.bulk.BulkFixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** import chicago-csv against a real PostgreSQL: counts, bad rows, idempotence, resuming. */
@ExtendWith(SharedStorage.class)
class ChicagoCsvImportIT {

  private static final int GOOD = BulkFixtures.SAMPLE_ROWS - BAD_LINES.size();

  private final Storage storage;
  @TempDir Path tempDir;

  ChicagoCsvImportIT(Storage storage) {
    this.storage = storage;
  }

  @BeforeEach
  void loadCatalog() {
    BulkFixtures.loadCatalog(storage);
  }

  private ChicagoCsvImport.Result run(Path file, ChicagoCsvImport.Options options,
      BulkFixtures.Recorder recorder) throws IOException {
    return storage.bulk().chicagoImport().run(file, CHICAGO, options, recorder);
  }

  @Test
  void importsGoodRowsWithNotesAndAreasAndReportsBadOnesByLine() throws IOException {
    BulkFixtures.Recorder recorder = new BulkFixtures.Recorder();
    ChicagoCsvImport.Result result =
        run(BulkFixtures.sample(), ChicagoCsvImport.Options.DEFAULT, recorder);

    assertTrue(result.finished());
    assertEquals(GOOD, result.imported());
    assertEquals(BAD_LINES.size(), result.rejected());
    assertEquals(BAD_LINES, recorder.badLines);
    assertTrue(recorder.reasons.contains("LATITUDE 95.5 is out of range"), recorder.reasons::toString);
    assertTrue(recorder.reasons.contains("has 40 columns, the header has 39"));
    assertTrue(recorder.reasons.contains("SR_NUMBER is empty"));
    assertEquals(2, result.servicesCreated(), "SCP and AVN are not in the catalog");
    assertEquals(GOOD, count(storage, "select count(*) from service_request"));
    assertEquals(
        GOOD, count(storage, "select count(*) from service_request_note where type = 'opened'"));
    assertEquals(
        count(storage, "select count(*) from service_request where closed_at is not null"),
        count(storage, "select count(*) from service_request_note where type = 'closed'"));
    assertEquals(GOOD * 3L, count(storage, "select sum(cardinality(areas)) from service_request"));
    assertEquals(
        "Aviation",
        TestDatabasesView.text(storage,
            "select agency_responsible from service where service_code = 'AVN'"));
    assertEquals(0, count(storage, "select count(*) from service_request_contact"));
  }

  @Test
  void rerunningAFinishedImportIsANoOpAndRestartingItDuplicatesNothing() throws IOException {
    run(BulkFixtures.sample(), ChicagoCsvImport.Options.DEFAULT, new BulkFixtures.Recorder());
    long xmin = count(storage, "select max(change_xid::text::bigint) from service_request");

    BulkFixtures.Recorder again = new BulkFixtures.Recorder();
    ChicagoCsvImport.Result second = run(BulkFixtures.sample(), ChicagoCsvImport.Options.DEFAULT, again);
    assertTrue(second.alreadyImported());
    assertTrue(again.badLines.isEmpty());

    ChicagoCsvImport.Result restarted =
        run(BulkFixtures.sample(), new ChicagoCsvImport.Options(50_000, 0, true, 2),
            new BulkFixtures.Recorder());
    assertFalse(restarted.alreadyImported());
    assertEquals(GOOD, count(storage, "select count(*) from service_request"));
    assertEquals(GOOD, count(storage, "select count(*) from service_request_note where type = 'opened'"));
    assertEquals(GOOD * 3L, count(storage, "select sum(cardinality(areas)) from service_request"));
    assertEquals(xmin, count(storage, "select max(change_xid::text::bigint) from service_request"),
        "unchanged rows are not rewritten, so harvesters do not see them again");
  }

  @Test
  void aChangedFileUpdatesTheChangedRowsInPlace() throws IOException {
    run(BulkFixtures.sample(), ChicagoCsvImport.Options.DEFAULT, new BulkFixtures.Recorder());
    String id = "SR20-01000045"; // open in the sample
    assertEquals("open", TestDatabasesView.text(storage,
        "select status from service_request where service_request_id = '" + id + "'"));

    Path changed = tempDir.resolve("changed.csv");
    List<String> lines = Files.readAllLines(BulkFixtures.sample());
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(id + ",")) {
        String[] f = lines.get(i).split(",", -1);
        f[5] = "Completed";
        f[9] = "2020-09-10T08:00:00.000";
        f[27] = "99";
        lines.set(i, String.join(",", f));
      }
    }
    Files.write(changed, lines);
    // A tag of a type the file does not have, as a loaded boundary file would give.
    TestDatabases.jdbi(storage).useHandle(h -> h.execute(
        "update service_request set areas = areas || '{zone:A}' where service_request_id = ?", id));
    run(changed, ChicagoCsvImport.Options.DEFAULT, new BulkFixtures.Recorder());

    assertEquals(GOOD, count(storage, "select count(*) from service_request"));
    String where = " where request_id = (select id from service_request where service_request_id = '"
        + id + "')";
    assertEquals("closed", TestDatabasesView.text(storage,
        "select status from service_request where service_request_id = '" + id + "'"));
    assertEquals(1, count(storage, "select count(*) from service_request_note" + where
        + " and type = 'closed'"));
    assertEquals(1, count(storage, "select count(*) from service_request_note" + where
        + " and type = 'opened'"));
    assertEquals("99", TestDatabasesView.text(storage,
        "select substr(t, 17) from service_request r, unnest(r.areas) t"
            + " where r.service_request_id = '" + id + "' and t like 'police_district:%'"));
    assertEquals("zone:A", TestDatabasesView.text(storage,
        "select t from service_request r, unnest(r.areas) t"
            + " where r.service_request_id = '" + id + "' and t like 'zone:%'"),
        "the file replaces its own area types only");
  }

  @Test
  void areaKeysKeepEveryCharacterWhenCopiedAsAnArray() throws IOException {
    List<String> lines = Files.readAllLines(BulkFixtures.sample());
    String[] f = lines.get(1).split(",", -1);
    String id = f[0];
    int ward = List.of(lines.get(0).split(",", -1)).indexOf("WARD");
    f[ward] = "\"4\"\"2\\,} \t{NULL}\"";
    Path odd = tempDir.resolve("odd.csv");
    Files.write(odd, List.of(lines.get(0), String.join(",", f)));

    ChicagoCsvImport.Result result =
        run(odd, ChicagoCsvImport.Options.DEFAULT, new BulkFixtures.Recorder());

    assertTrue(result.bulk(), "an empty table: the rows go through CopyBatch's text[] literal");
    assertEquals("ward:4\"2\\,} \t{NULL}", TestDatabasesView.text(storage,
        "select t from service_request r, unnest(r.areas) t"
            + " where r.service_request_id = '" + id + "' and t like 'ward:%'"));
  }

  @Test
  void aNulCharacterMakesABadRowAndOtherControlCharactersAreKept() throws IOException {
    List<String> lines = Files.readAllLines(BulkFixtures.sample());
    int street = List.of(lines.get(0).split(",", -1)).indexOf("STREET_ADDRESS");
    String[] nul = lines.get(1).split(",", -1);
    nul[street] = "12 W A\u0000 ST";
    String[] bell = lines.get(2).split(",", -1);
    bell[street] = "13 W B\u0007 ST";
    Path odd = tempDir.resolve("control.csv");
    Files.write(odd, List.of(lines.get(0), String.join(",", nul), String.join(",", bell)));
    BulkFixtures.Recorder recorder = new BulkFixtures.Recorder();

    ChicagoCsvImport.Result result = run(odd, ChicagoCsvImport.Options.DEFAULT, recorder);

    assertTrue(result.finished());
    assertEquals(1, result.imported());
    assertEquals(List.of(2L), recorder.badLines);
    assertEquals(
        List.of("STREET_ADDRESS holds the character U+0000, which cannot be stored"),
        recorder.reasons);
    assertTrue(
        TestDatabasesView.text(storage,
                "select address from service_request where service_request_id = '" + bell[0] + "'")
            .startsWith("13 W B\u0007 ST, CHICAGO, IL"));
  }

  @Test
  void anInterruptedImportResumesAfterItsLastCommittedBatch() throws IOException {
    BulkFixtures.Recorder first = new BulkFixtures.Recorder();
    ChicagoCsvImport.Result stopped =
        run(BulkFixtures.sample(), new ChicagoCsvImport.Options(50, 2, false, 2), first);
    assertFalse(stopped.finished());
    // Two batches of 50 records: rows 1-100, of which rows 7, 27, 47, 67 and 87 are bad.
    assertEquals(95, stopped.imported());
    assertEquals(95, count(storage, "select count(*) from service_request"));
    assertEquals(List.of(8L, 28L, 48L, 69L, 89L), first.badLines);

    BulkFixtures.Recorder second = new BulkFixtures.Recorder();
    ChicagoCsvImport.Result resumed =
        run(BulkFixtures.sample(), new ChicagoCsvImport.Options(50, 0, false, 3), second);
    assertTrue(resumed.finished());
    assertEquals(103, resumed.resumedAtLine(), "row 101 is on line 103 (row 50 spans two lines)");
    assertEquals(BAD_LINES.subList(5, BAD_LINES.size()), second.badLines);
    assertEquals(GOOD, resumed.imported());
    assertEquals(BAD_LINES.size(), resumed.rejected());
    assertEquals(GOOD, count(storage, "select count(*) from service_request"));
    assertEquals(GOOD, count(storage, "select count(*) from service_request_note where type = 'opened'"));
  }
}
