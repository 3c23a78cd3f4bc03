package dev.open311.storage.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code import chicago-csv}: streams a Chicago data-portal export into the database in batches,
 * each batch one transaction, and records in {@code import_progress} how far the import has got
 * (see {@link ImportRun}). Hence:
 *
 * <ul>
 *   <li>interrupted (Ctrl-C, a crash), it resumes after the last committed batch;
 *   <li>run again on the same, unchanged file once finished, it is a no-op (unless restarted);
 *   <li>a changed file (other size or modification time) is imported again from the start, which
 *       is safe: rows are upserted on SR_NUMBER, never duplicated.
 * </ul>
 *
 * Bad records are reported to the listener with their line number and skipped.
 */
public final class ChicagoCsvImport {

  /** The area types an import tags requests with from the file's columns, sorted. */
  public static final List<String> AREA_TYPES = ImportRow.AREA_TYPES;

  /**
   * Whether to load in bulk: drop the secondary indexes of the tables written, load without
   * them (and, as a superuser, without per-row foreign-key checks), then build the indexes again
   * (see {@link BulkIndexes}). Faster when the import brings many rows for the table's size;
   * requests filed meanwhile are found more slowly until the end, and writes to a table wait
   * while its indexes are built.
   */
  public enum Bulk {
    /** Bulk when the run starts the file from its first record and no request is stored yet,
     * or resumes one whose indexes are still dropped. */
    AUTO,
    ALWAYS,
    NEVER
  }

  /**
   * @param batchSize rows per transaction
   * @param maxBatches stop (as if interrupted) after this many batches; 0 for no limit. A bulk
   *     import stopped so keeps its indexes dropped, as an interrupted one does
   * @param restart import from the first record even if this file was imported already
   * @param workers batches written at once, each on its own connection
   */
  public record Options(int batchSize, int maxBatches, boolean restart, int workers, Bulk bulk) {
    /**
     * 10,000 rows a batch: with 50,000, the batches in flight kept about 200 MB alive and the
     * JVM spent 1.1 s in 52 collection pauses of a million-row import; with 10,000, 0.2 s in 18.
     */
    public static final Options DEFAULT = new Options(10_000, 0, false, 2, Bulk.AUTO);

    public Options {
      if (batchSize < 1 || workers < 1) {
        throw new IllegalArgumentException("the batch size and the workers must be at least 1");
      }
      if (bulk == null) {
        throw new IllegalArgumentException("the bulk mode is required");
      }
    }

    public Options(int batchSize, int maxBatches, boolean restart, int workers) {
      this(batchSize, maxBatches, restart, workers, Bulk.AUTO);
    }
  }

  /** Hears about bad rows and progress; called on the importing thread. */
  public interface Listener {
    void badRow(long line, String reason);

    /** After each committed batch: rows imported so far and how far into the file. */
    void progress(long rows, long bytesRead, long bytesTotal);

    /** A bulk load's rows are in; its {@code count} dropped indexes are built next. */
    default void buildingIndexes(int count) {}

    /** One more of them is built: {@code built} of {@code count} so far. */
    default void indexBuilt(String name, int built, int count) {}
  }

  /**
   * @param alreadyImported the unchanged file had been imported completely before: nothing done
   * @param resumedAtLine the line this run started at (the first data line when not resumed)
   * @param imported rows imported by this and earlier runs of this file version
   * @param rejected bad rows, likewise
   * @param finished false when stopped early by {@link Options#maxBatches}
   * @param bulk loaded in bulk (see {@link Bulk})
   * @param indexesBuilt indexes built again after the load
   * @param indexBuildTime how long building them took (zero when none were)
   */
  public record Result(
      boolean alreadyImported,
      long resumedAtLine,
      long imported,
      long rejected,
      int servicesCreated,
      boolean finished,
      boolean bulk,
      int indexesBuilt,
      Duration indexBuildTime) {}

  private final Jdbi jdbi;

  public ChicagoCsvImport(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Result run(Path file, String jurisdictionId, Options options, Listener listener)
      throws IOException {
    String source = file.toAbsolutePath().normalize().toString();
    long size = Files.size(file);
    OffsetDateTime modifiedAt =
        OffsetDateTime.ofInstant(
                Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MICROS);
    try (Handle handle = jdbi.open()) {
      ImportJurisdiction jurisdiction = ImportJurisdiction.read(handle, jurisdictionId);
      ImportProgressDao progress = handle.attach(ImportProgressDao.class);
      ImportProgressRow known = progress.find(source, jurisdictionId).orElse(null);
      boolean sameFile = known != null && known.sameFile(size, modifiedAt);
      if (sameFile && known.finishedAt() != null && !options.restart()) {
        return new Result(true, known.nextLine(), known.rowsImported(), known.rowsRejected(), 0,
            true, false, 0, Duration.ZERO);
      }
      try (InputStream in = Files.newInputStream(file)) {
        CsvRecords header = new CsvRecords(in, 0, 1);
        List<String> names = header.next();
        if (names == null) {
          throw new IllegalArgumentException(file + " is empty");
        }
        ChicagoRows rows = new ChicagoRows(names, jurisdiction.zone());
        ImportProgressRow from =
            sameFile && !options.restart()
                ? known
                : new ImportProgressRow(source, jurisdictionId, size, modifiedAt,
                    header.offset(), header.line(), 0, 0, null, null);
        if (from != known) {
          progress.start(from);
        }
        ServiceIds services = new ServiceIds(handle, jurisdictionId);
        return load(handle, file, progress, services, jurisdiction, from, rows, options, listener,
            size);
      }
    }
  }

  /**
   * Runs the import, in bulk when the options and the tables say so (see {@link Bulk}). The
   * bulk-load lock is held on {@code handle} throughout: one bulk load at a time, and nobody
   * builds the dropped indexes under it. The indexes are built again when the load ends or fails,
   * not when it is interrupted or stopped early: the next import or start of storage does.
   */
  private Result load(Handle handle, Path file, ImportProgressDao progress, ServiceIds services,
      ImportJurisdiction jurisdiction, ImportProgressRow from, ChicagoRows rows, Options options,
      Listener listener, long size) throws IOException {
    if (!BulkIndexes.tryLock(handle)) {
      // Another bulk load runs: upsert beside it, it builds the indexes over these rows too.
      return new ImportRun(jdbi, progress, services, jurisdiction, from, rows, options, listener,
              size, ImportBatch.Mode.UPSERT)
          .run(file);
    }
    try {
      List<String> pending = BulkIndexes.pending(handle);
      boolean empty = !hasRequests(handle);
      boolean fresh = empty && from.rowsImported() == 0 && from.rowsRejected() == 0;
      boolean bulk =
          switch (options.bulk()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> fresh || !pending.isEmpty();
          };
      if (!bulk) {
        restore(pending, options, listener);
        return new ImportRun(jdbi, progress, services, jurisdiction, from, rows, options, listener,
                size, ImportBatch.Mode.UPSERT)
            .run(file);
      }
      BulkIndexes.drop(handle);
      ImportBatch.Mode mode = new ImportBatch.Mode(isSuperuser(handle), empty);
      Result result;
      try {
        result =
            new ImportRun(jdbi, progress, services, jurisdiction, from, rows, options, listener,
                    size, mode)
                .run(file);
      } catch (IOException | RuntimeException e) {
        restoreAfterFailure(handle, options, listener, e);
        throw e;
      }
      // Stopped early as if interrupted: the indexes stay out, as they would then.
      long started = System.nanoTime();
      int built = result.finished() ? restore(BulkIndexes.pending(handle), options, listener) : 0;
      Duration building = built == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
      return new Result(false, result.resumedAtLine(), result.imported(), result.rejected(),
          result.servicesCreated(), result.finished(), true, built, building);
    } finally {
      BulkIndexes.unlock(handle);
    }
  }

  /** A load that failed builds the indexes now, rather than leave searches slow until later. */
  private void restoreAfterFailure(
      Handle handle, Options options, Listener listener, Exception failure) {
    try {
      restore(BulkIndexes.pending(handle), options, listener);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Builds the dropped indexes named, telling the listener as they come. */
  private int restore(List<String> pending, Options options, Listener listener) {
    if (pending.isEmpty()) {
      return 0;
    }
    listener.buildingIndexes(pending.size());
    return BulkIndexes.restore(jdbi, pending, options.workers(), listener::indexBuilt);
  }

  private static boolean hasRequests(Handle handle) {
    return handle
        .createQuery("select exists (select 1 from service_request)")
        .mapTo(boolean.class)
        .one();
  }

  /** session_replication_role, which bulk loads set (see ImportBatch.Mode), is a superuser's. */
  private static boolean isSuperuser(Handle handle) {
    return handle
        .createQuery("select rolsuper from pg_roles where rolname = current_user")
        .mapTo(boolean.class)
        .findOne()
        .orElse(false);
  }
}
