package dev.open311.storage.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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

  /**
   * @param batchSize rows per transaction
   * @param maxBatches stop (as if interrupted) after this many batches; 0 for no limit
   * @param restart import from the first record even if this file was imported already
   * @param workers batches written at once, each on its own connection
   */
  public record Options(int batchSize, int maxBatches, boolean restart, int workers) {
    public static final Options DEFAULT = new Options(50_000, 0, false, 2);

    public Options {
      if (batchSize < 1 || workers < 1) {
        throw new IllegalArgumentException("the batch size and the workers must be at least 1");
      }
    }
  }

  /** Hears about bad rows and progress; called on the importing thread. */
  public interface Listener {
    void badRow(long line, String reason);

    /** After each committed batch: rows imported so far and how far into the file. */
    void progress(long rows, long bytesRead, long bytesTotal);
  }

  /**
   * @param alreadyImported the unchanged file had been imported completely before: nothing done
   * @param resumedAtLine the line this run started at (the first data line when not resumed)
   * @param imported rows imported by this and earlier runs of this file version
   * @param rejected bad rows, likewise
   * @param finished false when stopped early by {@link Options#maxBatches}
   */
  public record Result(
      boolean alreadyImported,
      long resumedAtLine,
      long imported,
      long rejected,
      int servicesCreated,
      boolean finished) {}

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
      ZoneId zone = zone(handle, jurisdictionId);
      ImportProgressDao progress = handle.attach(ImportProgressDao.class);
      ImportProgressRow known = progress.find(source, jurisdictionId).orElse(null);
      boolean sameFile = known != null && known.sameFile(size, modifiedAt);
      if (sameFile && known.finishedAt() != null && !options.restart()) {
        return new Result(true, known.nextLine(), known.rowsImported(), known.rowsRejected(), 0, true);
      }
      try (InputStream in = Files.newInputStream(file)) {
        CsvRecords header = new CsvRecords(in, 0, 1);
        List<String> names = header.next();
        if (names == null) {
          throw new IllegalArgumentException(file + " is empty");
        }
        ChicagoRows rows = new ChicagoRows(names, zone);
        ImportProgressRow from =
            sameFile && !options.restart()
                ? known
                : new ImportProgressRow(source, jurisdictionId, size, modifiedAt,
                    header.offset(), header.line(), 0, 0, null, null);
        if (from != known) {
          progress.start(from);
        }
        ServiceIds services = new ServiceIds(handle, jurisdictionId);
        return new ImportRun(jdbi, progress, services, from, rows, options, listener, size)
            .run(file);
      }
    }
  }

  private static ZoneId zone(Handle handle, String jurisdictionId) {
    return handle
        .createQuery("select time_zone from jurisdiction where jurisdiction_id = :j")
        .bind("j", jurisdictionId)
        .mapTo(String.class)
        .findOne()
        .map(ZoneId::of)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "there is no jurisdiction " + jurisdictionId + ": load a catalog first"));
  }
}
