package dev.open311.storage.bulk;

import static dev.open311.storage.bulk.GeneratorTables.CENTRES;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code generate}: synthetic but realistic requests, made inside PostgreSQL by one set-based
 * statement per batch (generate_series and random(), the weighted choices as slot arrays from
 * {@link GeneratorTables}), each batch its own transaction with its notes. Every run adds the
 * number asked for; an interrupted run keeps its committed batches. Requests get public ids like
 * filed ones (their key as text), and area tags only from a later {@code areas retag}.
 */
public final class RequestGenerator {

  static final int SLOTS = 10_000;

  private final Jdbi jdbi;
  private final Clock clock;

  public RequestGenerator(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Adds {@code count} requests to the jurisdiction's services.
   *
   * @param seed makes the run repeatable (on the same catalog and day); null for a random one
   * @param workers batches run at once, each on its own connection
   * @param progress told the running total after each committed batch (from worker threads)
   * @return the number of requests added
   */
  public long generate(
      String jurisdictionId,
      long count,
      Long seed,
      int batchSize,
      int workers,
      LongConsumer progress) {
    if (count < 0 || batchSize < 1 || workers < 1) {
      throw new IllegalArgumentException(
          "the count must be positive, the batch size and workers at least 1");
    }
    try (Handle handle = jdbi.open()) {
      String zone =
          handle
              .createQuery("select time_zone from jurisdiction where jurisdiction_id = :j")
              .bind("j", jurisdictionId)
              .mapTo(String.class)
              .findOne()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "there is no jurisdiction " + jurisdictionId + ": load a catalog first"));
      List<GeneratorServices.Entry> services = GeneratorServices.load(handle, jurisdictionId);
      OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
      LocalDate today = now.atZoneSameInstant(ZoneId.of(zone)).toLocalDate();
      AtomicLong done = new AtomicLong();
      List<Callable<Void>> batches = new ArrayList<>();
      for (long first = 0; first < count; first += batchSize) {
        int size = (int) Math.min(batchSize, count - first);
        double batchSeed = seed == null ? Math.random() : seedFor(seed, batches.size());
        batches.add(
            () -> {
              insert(jurisdictionId, services, zone, now, today, size, batchSeed);
              synchronized (done) {
                progress.accept(done.addAndGet(size));
              }
              return null;
            });
      }
      runAll(batches, workers);
      return done.get();
    }
  }

  /** One batch in its own connection and transaction. */
  private void insert(String jurisdictionId, List<GeneratorServices.Entry> services, String zone,
      OffsetDateTime now, LocalDate today, int size, double batchSeed) {
    jdbi.useTransaction(
        h -> {
          // The window that picks duplicates' parents sorts a batch; keep that sort in memory.
          h.execute("set local work_mem = '128MB'");
          h.createQuery("select setseed(:s)").bind("s", batchSeed).mapTo(String.class).one();
          GeneratorSql.bind(h.createUpdate(GeneratorSql.INSERT), services, today)
              .bind("n", size)
              .bind("jurisdictionId", jurisdictionId)
              .bind("tz", zone)
              .bind("now", now)
              .bind("today", today)
              .execute();
        });
  }

  /**
   * Runs the batches on {@code workers} connections at once: PostgreSQL spends most of a batch
   * maintaining indexes, one backend per core. The first failure stops the rest and is thrown.
   */
  static void runAll(List<Callable<Void>> batches, int workers) {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<Void>> futures = new ArrayList<>();
      for (Callable<Void> batch : batches) {
        futures.add(pool.submit(batch));
      }
      for (Future<Void> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** A seed in setseed's range [-1, 1], different for each batch of a run. */
  static double seedFor(long seed, int batch) {
    long mixed = (seed * 0x9E3779B97F4A7C15L) ^ (batch * 0xC2B2AE3D27D4EB4FL);
    return ((mixed >>> 11) / (double) (1L << 53)) * 2 - 1;
  }

  static int[] centreSlots() {
    return GeneratorTables.slots(CENTRES.size(), i -> CENTRES.get(i).weight(), SLOTS);
  }
}
