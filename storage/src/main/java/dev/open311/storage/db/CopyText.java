package dev.open311.storage.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows in PostgreSQL's COPY text format: tab-separated, one row per line, {@code \N} for null,
 * backslash escapes for backslash, tab and line breaks. Written as UTF-8 bytes straight into a
 * buffer that goes to the server as it is: an import formats tens of millions of values, and
 * building a String first, then having the driver encode it, doubled the Java side's work. ASCII
 * text is written a character at a time, without an encoded copy, and numbers without a String
 * where the format allows. The one writer of the format: imports, bulk loads and area re-tags.
 */
public final class CopyText {

  // Well under half a G1 region (1 MB at least), so never allocated as a humongous object.
  private static final int CHUNK = 1 << 17;

  /** A buffer filled up to {@code length}. */
  private record Chunk(byte[] bytes, int length) {}

  // The rows so far: the chunks filled, then out up to length. Growing one array by copying it
  // cost a batch of 50,000 requests 31 MB of allocations for its 13 MB, and their page faults.
  private final List<Chunk> filled = new ArrayList<>();
  private byte[] out = new byte[CHUNK];
  private int length;
  private boolean firstField = true;
  // The last two doubles written, see decimal().
  private long lastBits;
  private byte[] lastDecimal;
  private long previousBits;
  private byte[] previousDecimal;

  public CopyText text(String value) {
    separate();
    if (value == null) {
      return nullValue();
    }
    ensure(value.length() * 2);
    int start = length;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        length = start;
        return utf8(value);
      }
      escaped(c);
    }
    return this;
  }

  /** A value with characters beyond ASCII, written through the encoder. */
  private CopyText utf8(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    ensure(bytes.length * 2);
    for (byte b : bytes) {
      // Every byte of a multi-byte UTF-8 character is >= 0x80, so only ASCII needs escaping.
      escaped(b);
    }
    return this;
  }

  public CopyText number(long value) {
    separate();
    ensure(20);
    if (value < 0) {
      out[length++] = '-';
    }
    // Counted on the negative side, which holds Long.MIN_VALUE.
    long negative = value < 0 ? value : -value;
    int width = 1;
    for (long rest = negative; rest <= -10; rest /= 10) {
      width++;
    }
    for (int i = length + width - 1; i >= length; i--) {
      out[i] = (byte) ('0' - negative % 10);
      negative /= 10;
    }
    length += width;
    return this;
  }

  public CopyText number(Double value) {
    separate();
    if (value == null) {
      return nullValue();
    }
    ascii(decimal(value));
    return this;
  }

  /** A {@code point} from x and y, null when either is. */
  public CopyText point(Double x, Double y) {
    separate();
    if (x == null || y == null) {
      return nullValue();
    }
    byte[] xText = decimal(x);
    byte[] yText = decimal(y);
    ensure(xText.length + yText.length + 3);
    out[length++] = '(';
    ascii(xText);
    out[length++] = ',';
    ascii(yText);
    out[length++] = ')';
    return this;
  }

  /**
   * Java's shortest decimal that reads back as the same double, which float8in reads alike. The
   * last two are kept: a request's point repeats the latitude and longitude just written.
   */
  private byte[] decimal(double value) {
    long bits = Double.doubleToRawLongBits(value);
    if (lastDecimal != null && bits == lastBits) {
      return lastDecimal;
    }
    if (previousDecimal != null && bits == previousBits) {
      return previousDecimal;
    }
    previousBits = lastBits;
    previousDecimal = lastDecimal;
    lastBits = bits;
    lastDecimal = Double.toString(value).getBytes(StandardCharsets.US_ASCII);
    return lastDecimal;
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
      for (Chunk chunk : filled) {
        copy.writeToCopy(chunk.bytes, 0, chunk.length);
      }
      if (length > 0) {
        copy.writeToCopy(out, 0, length);
      }
      filled.clear();
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
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Chunk chunk : filled) {
      all.write(chunk.bytes, 0, chunk.length);
    }
    all.write(out, 0, length);
    return all.toString(StandardCharsets.UTF_8);
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

  private void ascii(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, out, length, value.length);
    length += value.length;
  }

  private void escaped(int c) {
    switch (c) {
      case '\\' -> put2('\\', '\\');
      case '\t' -> put2('\\', 't');
      case '\n' -> put2('\\', 'n');
      case '\r' -> put2('\\', 'r');
      default -> out[length++] = (byte) c;
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

  /** Makes room for {@code more} bytes in {@code out}, starting a new chunk if needed. */
  private void ensure(int more) {
    if (length + more > out.length) {
      filled.add(new Chunk(out, length));
      out = new byte[Math.max(CHUNK, more)];
      length = 0;
    }
  }
}
