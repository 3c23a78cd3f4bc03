package dev.open311.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.catalog.CatalogDocument;
import dev.open311.spec.catalog.CatalogGroup;
import dev.open311.spec.catalog.CatalogJurisdiction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening, closing and sharing the embedded database. These run on the embedded PostgreSQL even
 * when an external test database is configured: they test the embedded start-up itself.
 */
class StorageLifecycleIT {

  private static final List<String> TABLES =
      List.of(
          "jurisdiction",
          "service_group",
          "service",
          "service_attribute",
          "attribute_value",
          "service_request",
          "service_request_contact",
          "service_request_answer",
          "api_key");

  @TempDir Path tempDir;

  @Test
  void openCreatesTheDataDirectoryAppliesMigrationsAndCommitsDurably() {
    Path dataDir = tempDir.resolve("not/yet/there");
    try (Storage storage = Storage.open(DatabaseConfig.embedded(dataDir))) {
      assertTrue(Files.isRegularFile(dataDir.resolve("postgres/PG_VERSION")));
      Jdbi jdbi = TestDatabases.jdbi(storage);
      // Every migration shipped in the jar is applied, in order, and none failed.
      assertEquals(
          List.of(
              "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"),
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "select version from flyway_schema_history where success"
                              + " order by installed_rank")
                      .mapTo(String.class)
                      .list()));
      List<String> tables =
          jdbi.withHandle(
              h ->
                  h.createQuery("select tablename from pg_tables where schemaname = 'public'")
                      .mapTo(String.class)
                      .list());
      assertTrue(tables.containsAll(TABLES), () -> "tables: " + tables);
      // New requests are vacuumed soon, so index-only scans of the newest skip the table (V11).
      List<String> options =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "select unnest(reloptions) from pg_class"
                              + " where oid = 'service_request'::regclass")
                      .mapTo(String.class)
                      .list());
      assertTrue(
          options.contains("autovacuum_vacuum_insert_threshold=10000")
              && options.contains("autovacuum_vacuum_insert_scale_factor=0"),
          () -> "service_request options: " + options);
      // zonky's test defaults turn both off (trap 12); the product must not lose commits.
      assertEquals("on", show(jdbi, "fsync"));
      assertEquals("on", show(jdbi, "synchronous_commit"));
      // No replicas: index builds after a bulk import skip WAL (ServerSettings).
      assertEquals("minimal", show(jdbi, "wal_level"));
    }
  }

  @Test
  void describeNamesVersionDirectoryAndPort() {
    try (Storage storage = Storage.open(DatabaseConfig.embedded(tempDir))) {
      Pattern expected =
          Pattern.compile(
              "embedded PostgreSQL 18\\.\\d+ in "
                  + Pattern.quote(tempDir.resolve("postgres").toAbsolutePath().toString())
                  + " on port \\d+");
      assertTrue(expected.matcher(storage.describe()).matches(), storage.describe());
    }
  }

  @Test
  void dataSurvivesCloseAndReopen() {
    String key;
    try (Storage storage = Storage.open(DatabaseConfig.embedded(tempDir))) {
      key = storage.apiKeys().create("survivor");
      storage.catalog().load(oneJurisdiction());
    }
    assertFalse(
        Files.exists(tempDir.resolve("postgres/postmaster.pid")), "PostgreSQL stopped on close");
    try (Storage reopened = Storage.open(DatabaseConfig.embedded(tempDir))) {
      assertTrue(reopened.apiKeys().isValid(key));
      assertEquals(
          "persisted.example.org", reopened.catalog().jurisdictions().get(0).jurisdictionId());
    }
  }

  @Test
  void secondOpenOnARunningDataDirectoryAttachesAndLeavesTheServerRunning() {
    try (Storage server = Storage.open(DatabaseConfig.embedded(tempDir))) {
      String key = server.apiKeys().create("cli");
      try (Storage cli = Storage.open(DatabaseConfig.embedded(tempDir))) {
        assertTrue(cli.describe().contains("attached"), cli.describe());
        assertTrue(cli.apiKeys().isValid(key));
        cli.catalog().load(oneJurisdiction());
      }
      assertFalse(server.catalog().isEmpty(), "the server still runs and sees the cli's load");
    }
    assertFalse(Files.exists(tempDir.resolve("postgres/postmaster.pid")));
  }

  @Test
  void openBuildsTheIndexesAnInterruptedBulkImportLeftOut() {
    String index = "service_request_newest";
    String definition;
    try (Storage storage = Storage.open(DatabaseConfig.embedded(tempDir))) {
      Jdbi jdbi = TestDatabases.jdbi(storage);
      definition = indexDefinition(jdbi, index);
      // What a bulk import does before it loads, and a crash leaves behind.
      jdbi.useTransaction(
          h -> {
            h.createUpdate(
                    "insert into import_dropped_index values (:name, 'service_request', :def, now())")
                .bind("name", index)
                .bind("def", definition)
                .execute();
            h.execute("drop index " + index);
          });
    }
    try (Storage reopened = Storage.open(DatabaseConfig.embedded(tempDir))) {
      Jdbi jdbi = TestDatabases.jdbi(reopened);
      assertEquals(definition, indexDefinition(jdbi, index));
      int pending =
          jdbi.withHandle(
              h -> h.createQuery("select count(*) from import_dropped_index").mapTo(int.class).one());
      assertEquals(0, pending);
    }
  }

  private static String indexDefinition(Jdbi jdbi, String index) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select indexdef from pg_indexes where indexname = :name")
                .bind("name", index)
                .mapTo(String.class)
                .one());
  }

  private static String show(Jdbi jdbi, String setting) {
    return jdbi.withHandle(h -> h.createQuery("show " + setting).mapTo(String.class).one());
  }

  private static CatalogDocument oneJurisdiction() {
    return new CatalogDocument(
        List.of(
            new CatalogJurisdiction(
                "persisted.example.org",
                "Persisted",
                "UTC",
                null,
                null,
                List.of(new CatalogGroup("Streets", null)),
                List.of())));
  }
}
