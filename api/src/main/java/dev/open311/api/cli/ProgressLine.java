package dev.open311.api.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress line on stderr, redrawn in place ({@code \r}) at most a few times a second: rows so
 * far, rows per second and, when the share done is known, the percentage and time left.
 */
final class ProgressLine {

  private static final long REDRAW_NANOS = 250_000_000L;

  private final PrintWriter err;
  private final String verb;
  private final long started = System.nanoTime();
  private long lastDrawn;
  private int width;

  ProgressLine(PrintWriter err, String verb) {
    this.err = err;
    this.verb = verb;
  }

  /**
   * @param rows rows done
   * @param fraction the share of the work done, 0..1, or negative when unknown
   */
  void update(long rows, double fraction) {
    long now = System.nanoTime();
    if (now - lastDrawn < REDRAW_NANOS) {
      return;
    }
    lastDrawn = now;
    draw(rows, fraction, now);
  }

  /** A message on its own line, the progress line redrawn below it on the next update. */
  void message(String text) {
    clear();
    err.println(text);
    err.flush();
  }

  /** Time since the start, as the line shows it (h:mm:ss). */
  String elapsed() {
    return clock((System.nanoTime() - started) / 1e9);
  }

  /** The final figures, ending the line. */
  void finish(long rows) {
    draw(rows, -1, System.nanoTime());
    err.println();
    err.flush();
  }

  private void draw(long rows, double fraction, long now) {
    double seconds = Math.max((now - started) / 1e9, 1e-3);
    double rate = rows / seconds;
    StringBuilder line =
        new StringBuilder(
            String.format(Locale.ROOT, "%s %,d rows  %,.0f rows/s  %s", verb, rows, rate,
                clock(seconds)));
    if (fraction > 0 && fraction < 1) {
      double left = seconds / fraction - seconds;
      line.append(String.format(Locale.ROOT, "  %.1f%%  ETA %s", fraction * 100, clock(left)));
    }
    String text = line.toString();
    err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
    err.flush();
    width = text.length();
  }

  private void clear() {
    if (width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      width = 0;
    }
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
