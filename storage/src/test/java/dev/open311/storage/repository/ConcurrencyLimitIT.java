package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.open311.spec.export.ExportFilter;
import dev.open311.storage.DatabaseConfig;
import dev.open311.storage.Storage;
import dev.open311.storage.TestDatabases;
import dev.open311.storage.db.FairDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --db-concurrency}, reads of requests take turns at the gate; filing, exports and the
 * catalog do not, so none of them waits behind a queue of searches (nor an export holds a turn for
 * minutes).
 */
class ConcurrencyLimitIT {

  private static final Duration LONG_ENOUGH = Duration.ofSeconds(20);

  @TempDir Path tempDir;

  @Test
  void searchesWaitForTheirTurnWhileFilingExportsAndCatalogReadsGoOn() throws Exception {
    ExecutorService threads = Executors.newCachedThreadPool();
    try (Storage storage = Storage.open(DatabaseConfig.embedded(tempDir).withConcurrency(1))) {
      FairDataSource gate = (FairDataSource) TestDatabases.served(storage);
      assertEquals(1, gate.limit());
      storage.catalog().load(TestCatalogs.springfield());
      storage.serviceRequests().file(TestRequests.anonymous(SPRINGFIELD, "PHF"));

      CountDownLatch release = new CountDownLatch(1);
      Future<?> turnHolder =
          threads.submit(
              () -> {
                try (Connection connection = gate.getConnection()) {
                  release.await();
                }
                return null;
              });
      while (gate.available() != 0) {
        Thread.sleep(10);
      }

      assertTimeoutPreemptively(
          LONG_ENOUGH,
          () -> storage.serviceRequests().file(TestRequests.anonymous(SPRINGFIELD, "PHF")));
      long exported =
          assertTimeoutPreemptively(
              LONG_ENOUGH,
              () -> storage.bulk().feed().stream(ExportFilter.all(SPRINGFIELD), request -> {}));
      assertEquals(2, exported);
      storage.refreshCaches();
      assertFalse(
          assertTimeoutPreemptively(LONG_ENOUGH, () -> storage.catalog().services(SPRINGFIELD))
              .isEmpty());

      Future<Integer> search =
          threads.submit(() -> TestRequests.onFirstPage(storage.serviceRequests(), SPRINGFIELD));
      while (gate.waiting() != 1) {
        Thread.sleep(10);
      }
      assertFalse(search.isDone(), "a search ran without its turn");

      release.countDown();
      turnHolder.get(LONG_ENOUGH.toSeconds(), TimeUnit.SECONDS);
      assertEquals(2, search.get(LONG_ENOUGH.toSeconds(), TimeUnit.SECONDS));
      assertEquals(1, gate.available());
    } finally {
      threads.shutdownNow();
    }
  }
}
