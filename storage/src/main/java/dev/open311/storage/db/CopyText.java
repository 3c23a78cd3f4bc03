package dev.open311.storage.db;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows in PostgreSQL's COPY text format: tab-separated, one row per line, {@code \N} for null,
 * backslash escapes for backslash, tab and line breaks. Written as UTF-8 bytes straight into a
 * buffer that goes to the server as it is: an import formats tens of millions of values, and
 * building a String first, then having the driver encode it, doubled the Java side's work. The
 * one writer of the format: imports, bulk loads and area re-tags.
 */
public final class CopyText {

  private byte[] out = new byte[1 << 20];
  private int length;
  private boolean firstField = true;

  public CopyText text(String value) {
    separate();
    if (value == null) {
      return nullValue();
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    ensure(bytes.length * 2);
    for (byte b : bytes) {
      // Every byte of a multi-byte UTF-8 character is >= 0x80, so only ASCII needs escaping.
      switch (b) {
        case '\\' -> put2('\\', '\\');
        case '\t' -> put2('\\', 't');
        case '\n' -> put2('\\', 'n');
        case '\r' -> put2('\\', 'r');
        default -> out[length++] = b;
      }
    }
    return this;
  }

  public CopyText number(long value) {
    separate();
    ascii(Long.toString(value));
    return this;
  }

  public CopyText number(Double value) {
    separate();
    if (value == null) {
      return nullValue();
    }
    // Java's shortest decimal that reads back as the same double, which float8in reads alike.
    ascii(Double.toString(value));
    return this;
  }

  /** A {@code point} from x and y, null when either is. */
  public CopyText point(Double x, Double y) {
    separate();
    if (x == null || y == null) {
      return nullValue();
    }
    ascii("(" + x + "," + y + ")");
    return this;
  }

  public CopyText flag(boolean value) {
    separate();
    ensure(1);
    out[length++] = (byte) (value ? 't' : 'f');
    return this;
  }

  /** A timestamptz as {@code 2019-01-01 00:11:22.123456-06:00}, the instant and its offset. */
  public CopyText instant(OffsetDateTime value) {
    separate();
    if (value == null) {
      return nullValue();
    }
    ensure(40);
    int year = value.getYear();
    if (year < 1000 || year > 9999) {
      ascii(value.toString()); // ISO 8601, which PostgreSQL reads too
      return this;
    }
    digits(year, 4);
    out[length++] = '-';
    digits(value.getMonthValue(), 2);
    out[length++] = '-';
    digits(value.getDayOfMonth(), 2);
    out[length++] = ' ';
    digits(value.getHour(), 2);
    out[length++] = ':';
    digits(value.getMinute(), 2);
    out[length++] = ':';
    digits(value.getSecond(), 2);
    int micros = value.getNano() / 1000;
    if (micros != 0) {
      out[length++] = '.';
      digits(micros, 6);
    }
    int offset = value.getOffset().getTotalSeconds();
    out[length++] = (byte) (offset < 0 ? '-' : '+');
    offset = Math.abs(offset);
    digits(offset / 3600, 2);
    out[length++] = ':';
    digits(offset / 60 % 60, 2);
    if (offset % 60 != 0) {
      out[length++] = ':';
      digits(offset % 60, 2);
    }
    return this;
  }

  public CopyText endRow() {
    ensure(1);
    out[length++] = '\n';
    firstField = true;
    return this;
  }

  /** Sends the rows so far with {@code sql} (a COPY ... FROM STDIN), emptying the buffer. */
  public void copy(CopyManager copyManager, String sql) throws SQLException {
    CopyIn copy = copyManager.copyIn(sql);
    try {
      if (length > 0) {
        copy.writeToCopy(out, 0, length);
      }
      length = 0;
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  /** The rows so far, as text; for tests. */
  @Override
  public String toString() {
    return new String(out, 0, length, StandardCharsets.UTF_8);
  }

  private CopyText nullValue() {
    ensure(2);
    put2('\\', 'N');
    return this;
  }

  private void ascii(String value) {
    ensure(value.length());
    for (int i = 0; i < value.length(); i++) {
      out[length++] = (byte) value.charAt(i);
    }
  }

  private void digits(int value, int width) {
    for (int i = length + width - 1; i >= length; i--) {
      out[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += width;
  }

  private void put2(char first, char second) {
    out[length++] = (byte) first;
    out[length++] = (byte) second;
  }

  private void separate() {
    if (!firstField) {
      ensure(1);
      out[length++] = '\t';
    }
    firstField = false;
  }

  private void ensure(int more) {
    if (length + more > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
    }
  }
}
