package dev.open311.storage.bulk;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;

/**
 * One run of {@link ChicagoCsvImport} over a file, from the position recorded in
 * {@code import_progress}. This thread reads and maps records and reports bad ones; batches are
 * written by {@code workers} connections at once (PostgreSQL spends a batch maintaining indexes,
 * one backend per core). Each batch is one transaction; the position advances in file order once
 * a batch and all before it have committed. A batch that committed but was not yet recorded when
 * the run stopped is written again on resume, which changes nothing: rows are upserted and an
 * unchanged row is left alone.
 */
final class ImportRun {

  /** A batch being written, and where the file stands after it. */
  private record Pending(Future<?> written, int rows, long rejected, long endOffset, long endLine) {}

  private final Jdbi jdbi;
  private final ImportProgressDao progress;
  private final ImportProgressRow from;
  private final ChicagoRows rows;
  private final ChicagoCsvImport.Options options;
  private final ChicagoCsvImport.Listener listener;
  private final long size;
  private final ServiceIds services;
  private final ImportJurisdiction jurisdiction;
  private final ImportBatch.Mode mode;
  private long imported;
  private long rejected;

  ImportRun(Jdbi jdbi, ImportProgressDao progress, ServiceIds services,
      ImportJurisdiction jurisdiction, ImportProgressRow from, ChicagoRows rows,
      ChicagoCsvImport.Options options, ChicagoCsvImport.Listener listener, long size,
      ImportBatch.Mode mode) {
    this.jdbi = jdbi;
    this.progress = progress;
    this.services = services;
    this.jurisdiction = jurisdiction;
    this.from = from;
    this.rows = rows;
    this.options = options;
    this.listener = listener;
    this.size = size;
    this.mode = mode;
    this.imported = from.rowsImported();
    this.rejected = from.rowsRejected();
  }

  ChicagoCsvImport.Result run(Path file) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(options.workers());
    Deque<Pending> pending = new ArrayDeque<>();
    try (FileChannel channel = FileChannel.open(file)) {
      channel.position(from.nextOffset());
      CsvRecords records =
          new CsvRecords(Channels.newInputStream(channel), from.nextOffset(), from.nextLine());
      // One row per public id within a batch: a later line of the same SR_NUMBER wins.
      Map<String, ImportRow> batch = new LinkedHashMap<>();
      long batchRejected = 0;
      int batches = 0;
      List<String> fields;
      while ((fields = records.next()) != null) {
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
          continue; // a blank line
        }
        try {
          ImportRow row = rows.map(records.recordLine(), fields);
          batch.put(row.serviceRequestId(), row);
        } catch (BadRowException e) {
          batchRejected++;
          listener.badRow(records.recordLine(), e.getMessage());
        }
        if (batch.size() + batchRejected >= options.batchSize()) {
          pending.add(submit(pool, batch, batchRejected, records));
          batch = new LinkedHashMap<>();
          batchRejected = 0;
          while (pending.size() >= options.workers()) {
            settle(pending.removeFirst());
          }
          if (++batches == options.maxBatches()) {
            settleAll(pending);
            return result(false);
          }
        }
      }
      pending.add(submit(pool, batch, batchRejected, records));
      settleAll(pending);
      progress.advance(from.source(), from.jurisdictionId(), records.offset(), records.line(),
          0, 0, true);
      return result(true);
    } finally {
      pending.forEach(p -> p.written().cancel(true));
      pool.shutdownNow();
    }
  }

  private Pending submit(ExecutorService pool, Map<String, ImportRow> batch, long batchRejected,
      CsvRecords records) {
    List<ImportRow> batchRows = new ArrayList<>(batch.values());
    long[] serviceIds = new long[batchRows.size()];
    for (int i = 0; i < serviceIds.length; i++) {
      serviceIds[i] = services.id(batchRows.get(i));
    }
    Future<?> written =
        pool.submit(
            () -> {
              ImportBatch.write(jdbi, jurisdiction, batchRows, serviceIds, mode);
              return null;
            });
    return new Pending(written, batchRows.size(), batchRejected, records.offset(), records.line());
  }

  private void settleAll(Deque<Pending> pending) throws IOException {
    while (!pending.isEmpty()) {
      settle(pending.removeFirst());
    }
  }

  /** Waits for the oldest batch, then records the file's position after it. */
  private void settle(Pending batch) throws IOException {
    try {
      batch.written().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    // The batch committed with synchronous_commit off (ImportBatch.settings): its commit record
    // may not be on disk yet. This update commits synchronously, after it, and WAL is flushed in
    // order, so the position is never durable before the batch it counts.
    progress.advance(from.source(), from.jurisdictionId(), batch.endOffset(), batch.endLine(),
        batch.rows(), batch.rejected(), false);
    imported += batch.rows();
    rejected += batch.rejected();
    listener.progress(imported, batch.endOffset(), size);
  }

  private ChicagoCsvImport.Result result(boolean finished) {
    return new ChicagoCsvImport.Result(
        false, from.nextLine(), imported, rejected, services.created(), finished, false, 0,
        Duration.ZERO);
  }
}
