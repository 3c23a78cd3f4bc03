package dev.open311.storage.bulk;

import dev.open311.storage.db.CopyFormat;

import java.time.OffsetDateTime;

/**
 * Rows in PostgreSQL's COPY text format: tab-separated, one row per line, {@code \N} for null,
 * backslash escapes for backslash, tab and line breaks.
 */
final class CopyText {

  private final StringBuilder out = new StringBuilder(1 << 20);
  private boolean firstField = true;

  CopyText text(String value) {
    separate();
    if (value == null) {
      out.append("\\N");
      return this;
    }
    CopyFormat.escape(value, out);
    return this;
  }

  CopyText number(long value) {
    separate();
    out.append(value);
    return this;
  }

  CopyText number(Double value) {
    separate();
    if (value == null) {
      out.append("\\N");
    } else {
      out.append(value.doubleValue());
    }
    return this;
  }

  /** A {@code point} from x and y, null when either is. */
  CopyText point(Double x, Double y) {
    separate();
    if (x == null || y == null) {
      out.append("\\N");
    } else {
      out.append('(').append(x.doubleValue()).append(',').append(y.doubleValue()).append(')');
    }
    return this;
  }

  CopyText flag(boolean value) {
    separate();
    out.append(value ? 't' : 'f');
    return this;
  }

  CopyText instant(OffsetDateTime value) {
    return text(value == null ? null : value.toString());
  }

  CopyText endRow() {
    out.append('\n');
    firstField = true;
    return this;
  }

  int length() {
    return out.length();
  }

  /** The rows so far, emptying the buffer. */
  String drain() {
    String rows = out.toString();
    out.setLength(0);
    return rows;
  }

  private void separate() {
    if (!firstField) {
      out.append('\t');
    }
    firstField = false;
  }
}
