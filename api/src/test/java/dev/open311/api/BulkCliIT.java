package dev.open311.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** import, export and generate on the command line, against a real PostgreSQL. */
class BulkCliIT {

  private static final Path SAMPLE =
      Path.of("../storage/src/test/resources/bulk/chicago-311-sample.csv");

  @org.junit.jupiter.api.io.TempDir static Path dataDir;

  @BeforeAll
  static void emptyDatabase() {
    ExternalTestDatabase.reset();
  }

  private static CliIT.Run run(String... args) {
    return CliIT.run(args);
  }

  /** The database options: this class's own embedded directory, or the external test database. */
  private static String[] withDb(String... args) {
    return CliIT.withDb(dataDir, args);
  }

  @Test
  void importReportsBadLinesResumesAndExportsTheRows(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path copy = Files.copy(SAMPLE, dir.resolve("sample.csv"));
    CliIT.Run stopped = run(withDb("import", "chicago-csv", copy.toString(),
        "--batch-size", "100", "--max-batches", "1"));
    assertEquals(0, stopped.exitCode(), stopped.err());
    assertTrue(stopped.err().contains("line 8: CREATED_DATE is not a date: yesterday (skipped)"),
        stopped.err());
    assertTrue(stopped.out().contains("stopped early"), stopped.out());

    // A pool of one: the import still gets its own connection, one per worker and one more.
    CliIT.Run resumed =
        run(withDb("import", "chicago-csv", copy.toString(), "--db-pool-size", "1"));
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertTrue(resumed.err().contains("line 189: LATITUDE 95.5 is out of range (skipped)"),
        resumed.err());
    assertTrue(resumed.err().contains("rows/s"), "a progress line: " + resumed.err());
    assertTrue(resumed.out().contains("190 rows imported, 10 bad rows skipped"), resumed.out());
    assertTrue(resumed.out().contains("resumed at line 103"), resumed.out());


    CliIT.Run again = run(withDb("import", "chicago-csv", copy.toString()));
    assertTrue(again.out().contains("was imported already"), again.out());

    // Forced in bulk: the indexes are dropped, the rows upserted, and the indexes built again,
    // each announced as it is done, then how long they took.
    CliIT.Run bulk = run(withDb("import", "chicago-csv", copy.toString(), "--restart", "--bulk"));
    assertEquals(0, bulk.exitCode(), bulk.err());
    assertTrue(bulk.err().contains("rows loaded; building 13 indexes again"), bulk.err());
    assertTrue(bulk.err().contains("  built service_request_newest ("), bulk.err());
    assertTrue(bulk.err().contains(" (13 of 13, "), bulk.err());
    assertTrue(
        bulk.out().matches("(?s).*\\(bulk load, 13 indexes built in \\d+\\.\\d s\\).*"),
        bulk.out());

    Path csv = dir.resolve("out.csv");
    CliIT.Run export = run(withDb("export", "requests", "--format", "csv", "--output",
        csv.toString(), "--service-code", "SGA,SFD", "--status", "closed"));
    assertEquals(0, export.exitCode(), export.err());
    List<String> lines = Files.readAllLines(csv);
    assertTrue(lines.get(0).startsWith("service_request_id,status,status_notes,service_name"));
    assertTrue(lines.size() > 10, "some closed rat and street light requests: " + lines.size());
    lines.stream().skip(1).forEach(line -> assertTrue(
        line.contains(",closed,") && (line.contains(",SGA,") || line.contains(",SFD,")), line));

    CliIT.Run ndjson = run(withDb("export", "requests", "--format", "ndjson",
        "--start-date", "2023-01-01", "--end-date", "2023-02-01"));
    assertEquals(0, ndjson.exitCode(), ndjson.err());
    ndjson.out().lines().forEach(line ->
        assertTrue(line.contains("\"requested_datetime\":\"2023-01"), line));

    // The spatial and area filters of GET requests, negative numbers and all.
    CliIT.Run all = run(withDb("export", "requests", "--format", "ndjson"));
    CliIT.Run nearby = run(withDb("export", "requests", "--format", "ndjson",
        "--bbox", "-87.75,41.80,-87.60,41.95", "--area-type", "ward", "--area", "18,14,17"));
    assertEquals(0, nearby.exitCode(), nearby.err());
    List<String> rows = nearby.out().lines().toList();
    assertTrue(!rows.isEmpty() && rows.size() < all.out().lines().count(),
        rows.size() + " of " + all.out().lines().count());
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String row : rows) {
      var node = json.readTree(row);
      assertTrue(List.of("18", "14", "17").contains(node.get("ward").asText()), row);
      assertTrue(node.get("long").asDouble() >= -87.75 && node.get("long").asDouble() <= -87.60
          && node.get("lat").asDouble() >= 41.80 && node.get("lat").asDouble() <= 41.95, row);
    }
    CliIT.Run badBox = run(withDb("export", "requests", "--bbox", "-87.6,41.8,-87.7,41.9"));
    assertEquals(2, badBox.exitCode());
    assertTrue(badBox.err().contains("min_long must not be greater than max_long"), badBox.err());

    CliIT.Run bad = run(withDb("export", "requests", "--format", "xlsx"));
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("--format xlsx: use csv, ndjson or geojson"), bad.err());
  }

  @Test
  void generateAddsTheRequestsAskedFor() {
    CliIT.Run generate = run(withDb("generate", "--requests", "2500", "--seed", "9",
        "--batch-size", "1000", "--db-pool-size", "1"));
    assertEquals(0, generate.exitCode(), generate.err());
    assertTrue(generate.out().contains("generated 2,500 requests in cityofchicago.org"),
        generate.out());
    assertTrue(generate.err().contains("generated 2,500 rows"), generate.err());
  }
}
