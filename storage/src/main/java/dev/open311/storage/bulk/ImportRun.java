package dev.open311.storage.bulk;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * One run of {@link ChicagoCsvImport} over a file, from the position recorded in
 * {@code import_progress}: reads records, maps them, and commits them batch by batch together
 * with the new position.
 */
final class ImportRun {

  private final Handle handle;
  private final ImportProgressDao progress;
  private final ImportProgressRow from;
  private final ChicagoRows rows;
  private final ChicagoCsvImport.Options options;
  private final ChicagoCsvImport.Listener listener;
  private final long size;
  private final ServiceIds services;
  private long imported;
  private long rejected;

  ImportRun(Handle handle, ImportProgressDao progress, ImportProgressRow from, ChicagoRows rows,
      ChicagoCsvImport.Options options, ChicagoCsvImport.Listener listener, long size) {
    this.handle = handle;
    this.progress = progress;
    this.from = from;
    this.rows = rows;
    this.options = options;
    this.listener = listener;
    this.size = size;
    this.services = new ServiceIds(handle, from.jurisdictionId());
    this.imported = from.rowsImported();
    this.rejected = from.rowsRejected();
    ImportBatch.prepare(handle);
  }

  ChicagoCsvImport.Result run(Path file) throws IOException {
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
          commit(batch, batchRejected, records, false);
          batch.clear();
          batchRejected = 0;
          if (++batches == options.maxBatches()) {
            return result(false);
          }
        }
      }
      commit(batch, batchRejected, records, true);
      return result(true);
    }
  }

  private void commit(Map<String, ImportRow> batch, long batchRejected, CsvRecords records,
      boolean finished) throws IOException {
    handle.useTransaction(
        h -> {
          if (!batch.isEmpty()) {
            ImportBatch.write(h, from.jurisdictionId(), batch.values(), services);
          }
          progress.advance(from.source(), from.jurisdictionId(), records.offset(),
              records.line(), batch.size(), batchRejected, finished);
        });
    imported += batch.size();
    rejected += batchRejected;
    listener.progress(imported, records.offset(), size);
  }

  private ChicagoCsvImport.Result result(boolean finished) {
    return new ChicagoCsvImport.Result(
        false, from.nextLine(), imported, rejected, services.created(), finished);
  }
}
