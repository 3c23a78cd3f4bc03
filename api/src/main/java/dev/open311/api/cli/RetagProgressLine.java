package dev.open311.api.cli;

import dev.open311.spec.port.Areas.RetagProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A re-tag's progress on one line of stderr, rewritten in place at most four times a second:
 * requests done, share done, requests per second and the time left.
 */
final class RetagProgressLine implements RetagProgress {

  private static final long EVERY_NANOS = 250_000_000L;

  private final PrintWriter err;
  private final long started = System.nanoTime();
  private long shownAt;
  private boolean shown;

  RetagProgressLine(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void update(long requests, double fraction) {
    long now = System.nanoTime();
    if (fraction < 1 && now - shownAt < EVERY_NANOS) {
      return;
    }
    shownAt = now;
    shown = true;
    double seconds = Math.max((now - started) / 1e9, 1e-3);
    String left = fraction <= 0 ? "?" : duration(seconds * (1 - fraction) / fraction);
    err.printf(
        Locale.ROOT,
        "\rre-tagging: %,d requests, %3.0f%%, %,.0f requests/s, ETA %s   ",
        requests,
        fraction * 100,
        requests / seconds,
        left);
    err.flush();
  }

  /** Ends the line, if one was shown. */
  void finish() {
    if (shown) {
      err.println();
      err.flush();
    }
  }

  private static String duration(double seconds) {
    long whole = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
  }
}
