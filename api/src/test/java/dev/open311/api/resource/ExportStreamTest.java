package dev.open311.api.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.export.ExportFilter;
import dev.open311.spec.export.ExportFormat;
import dev.open311.spec.export.ExportedRequest;
import dev.open311.spec.export.RequestFeed;
import dev.open311.spec.model.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** How the export ends when its client goes away, and when anything else fails. */
class ExportStreamTest {

  private static final ExportFilter ALL = ExportFilter.all("cityofchicago.org");
  private static final OffsetDateTime AT = OffsetDateTime.parse("2019-01-01T00:00:35-06:00");

  /** A feed of {@code rows} requests, counting how many its sink took. */
  private static final class Feed implements RequestFeed {
    private final int rows;
    private int taken;

    Feed(int rows) {
      this.rows = rows;
    }

    @Override
    public long stream(ExportFilter filter, Sink sink) throws IOException {
      for (int i = 0; i < rows; i++) {
        sink.accept(new ExportedRequest("SR-" + i, Status.OPEN, null, "Pothole in Street",
            "PHF", "Deep", "CDOT", "", AT, AT, null, "1 N State St", null, "60602", 41.88,
            -87.63, null, "Phone Call", false, null, null, "42", null, "1"));
        taken++;
      }
      return rows;
    }
  }

  /** A client that takes {@code limit} bytes, then is gone. */
  private static final class Client extends OutputStream {
    private final long limit;
    private long written;

    Client(long limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (written + length > limit) {
        throw new IOException("Connection reset by peer");
      }
      written += length;
    }
  }

  @Test
  void aClientThatGoesAwayEndsTheFeedQuietlyAndStopsIt() throws IOException {
    Feed feed = new Feed(100_000);

    for (ExportFormat format : ExportFormat.values()) {
      ExportResource.stream(feed, ALL, format, new Client(64 * 1024));
    }

    assertTrue(feed.taken < 100_000 * ExportFormat.values().length, "the feed stopped early");
  }

  @Test
  void aClientThatTakesEverythingGetsEveryRequest() throws IOException {
    Feed feed = new Feed(1_000);

    ExportResource.stream(feed, ALL, ExportFormat.CSV, new Client(Long.MAX_VALUE));

    assertEquals(1_000, feed.taken);
  }

  @Test
  void aFailureOfTheFeedItselfIsRethrown() {
    IOException broken = new IOException("the database went away");
    RequestFeed feed =
        (filter, sink) -> {
          throw broken;
        };

    IOException thrown =
        assertThrows(
            IOException.class,
            () -> ExportResource.stream(feed, ALL, ExportFormat.NDJSON, new Client(Long.MAX_VALUE)));

    assertSame(broken, thrown);
  }
}
