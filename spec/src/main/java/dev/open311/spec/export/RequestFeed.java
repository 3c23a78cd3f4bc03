package dev.open311.spec.export;

import java.io.IOException;

/** The bulk feed storage serves: every matching request, streamed in constant memory. */
public interface RequestFeed {

  /** Receives the requests one at a time, in the feed's order (oldest key first). */
  @FunctionalInterface
  interface Sink {
    void accept(ExportedRequest request) throws IOException;
  }

  /**
   * Streams the requests {@code filter} selects to {@code sink}, ordered by the storage key (the
   * order in which requests were first stored), without holding them in memory.
   *
   * @return the number of requests streamed
   * @throws IOException what the sink threw, e.g. a client that went away
   */
  long stream(ExportFilter filter, Sink sink) throws IOException;
}
