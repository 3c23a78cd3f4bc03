package dev.open311.storage.bulk;

import dev.open311.spec.export.ExportedRequest;
import dev.open311.spec.export.RequestFeed;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Passes the feed's rows from the thread reading PostgreSQL to a thread of its own that runs the
 * sink (formatting and writing), so the two overlap on two cores. Rows go over in batches through
 * a short bounded queue: memory stays constant and a slow sink slows the reader down. A sink that
 * fails stops the reader at its next batch with the sink's exception.
 */
final class HandOff implements AutoCloseable {

  private static final int BATCH = 512;
  private static final int BATCHES_IN_FLIGHT = 8;
  private static final List<ExportedRequest> END = List.of();

  private final BlockingQueue<List<ExportedRequest>> queue =
      new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
  private final Thread writer;
  private volatile Throwable failure;
  private List<ExportedRequest> batch = new ArrayList<>(BATCH);

  HandOff(RequestFeed.Sink sink) {
    writer = new Thread(() -> drain(sink), "feed-writer");
    writer.setDaemon(true);
    writer.start();
  }

  void accept(ExportedRequest request) throws IOException {
    batch.add(request);
    if (batch.size() == BATCH) {
      hand(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  /** Hands over the last rows and returns once the sink has taken every row. */
  void finish() throws IOException {
    if (!batch.isEmpty()) {
      hand(batch);
    }
    hand(END);
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the feed was being written");
    }
    rethrowFailure();
  }

  /** Stops the writer if {@link #finish()} was not reached. */
  @Override
  public void close() {
    if (writer.isAlive()) {
      writer.interrupt();
      try {
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void hand(List<ExportedRequest> rows) throws IOException {
    try {
      while (!queue.offer(rows, 50, TimeUnit.MILLISECONDS)) {
        rethrowFailure();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the feed was being read");
    }
    rethrowFailure();
  }

  private void drain(RequestFeed.Sink sink) {
    try {
      for (List<ExportedRequest> rows = queue.take(); rows != END; rows = queue.take()) {
        for (ExportedRequest row : rows) {
          sink.accept(row);
        }
      }
    } catch (Throwable t) {
      failure = t;
    }
  }

  private void rethrowFailure() throws IOException {
    Throwable t = failure;
    if (t == null) {
      return;
    }
    if (t instanceof IOException io) {
      throw io;
    }
    if (t instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (t instanceof Error error) {
      throw error;
    }
    throw new UncheckedIOException(new IOException("the feed's writer stopped", t));
  }
}
