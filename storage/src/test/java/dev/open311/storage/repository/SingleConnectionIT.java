package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.open311.storage.DatabaseConfig;
import dev.open311.storage.Storage;
import dev.open311.storage.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage on a pool of one connection: migrations run on connections of their own (Flyway holds
 * one and asks for another, which waited for the pool's 30 s timeout, then failed), and a search
 * right after a catalog load names its services without a second connection (the catalog in
 * memory re-reads the tables on the search's own handle, which Jdbi hands to nested calls).
 */
class SingleConnectionIT {

  @TempDir Path tempDir;

  @Test
  void storageOpensAndSearchesRightAfterACatalogLoadOnOneConnection() {
    DatabaseConfig embedded = DatabaseConfig.embedded(tempDir);
    DatabaseConfig oneConnection =
        new DatabaseConfig(
            embedded.jdbcUrl(), embedded.user(), embedded.password(), embedded.dataDir(), 1);
    try (Storage storage = assertTimeoutPreemptively(
        Duration.ofSeconds(25), () -> Storage.open(oneConnection))) {
      storage.catalog().load(TestCatalogs.springfield());
      storage.serviceRequests().file(TestRequests.anonymous(SPRINGFIELD, "PHF"));
      storage.catalog().load(TestCatalogs.springfield()); // the catalog in memory reads it anew

      int found =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () -> TestRequests.onFirstPage(storage.serviceRequests(), SPRINGFIELD));
      assertEquals(1, found);
    }
  }

  @Test
  void indexesAnInterruptedBulkImportDroppedAreBuiltOnOneConnection() {
    DatabaseConfig embedded = DatabaseConfig.embedded(tempDir);
    try (Storage storage = Storage.open(embedded)) {
      // As a bulk import stopped early leaves them (BulkIndexes.drop).
      TestDatabases.jdbi(storage)
          .useHandle(
              h ->
                  h.execute(
                      """
                      insert into import_dropped_index
                             (index_name, table_name, definition, dropped_at)
                      select indexname, tablename, indexdef, now() from pg_indexes
                       where indexname in ('service_request_newest', 'service_request_note_by_time');
                      drop index service_request_newest;
                      drop index service_request_note_by_time
                      """));
    }
    DatabaseConfig oneConnection =
        new DatabaseConfig(
            embedded.jdbcUrl(), embedded.user(), embedded.password(), embedded.dataDir(), 1);
    try (Storage storage =
        assertTimeoutPreemptively(Duration.ofSeconds(25), () -> Storage.open(oneConnection))) {
      assertEquals(
          List.of("service_request_newest", "service_request_note_by_time"),
          TestDatabases.jdbi(storage)
              .withHandle(
                  h ->
                      h.createQuery(
                              """
                              select indexname from pg_indexes
                               where indexname in ('service_request_newest',
                                                   'service_request_note_by_time')
                                 and not exists (select 1 from import_dropped_index)
                               order by 1
                              """)
                          .mapTo(String.class)
                          .list()));
    }
  }
}
