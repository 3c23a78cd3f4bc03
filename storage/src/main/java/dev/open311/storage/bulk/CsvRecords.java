package dev.open311.storage.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A streaming RFC 4180 reader over bytes: fields separated by commas, records by LF or CRLF, a
 * field in double quotes may hold commas, line breaks and doubled quotes. It keeps only the current
 * record, and knows for each record the line it starts on and the byte offset just after it, which
 * is what an import reports bad rows with and resumes from.
 *
 * <p>Written by hand rather than taken from a CSV library: it parses bytes without a decoding
 * reader in front, and it exposes the exact byte offset of every record boundary, which resuming
 * needs and the libraries do not give. It copies each field's bytes out of the read buffer a run at
 * a time, and decodes a field to a String only when asked for it: a Chicago export has 39 columns,
 * of which an import reads about half.
 */
final class CsvRecords {

  private static final int EOF = -1;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long bufferOffset;
  private long line;
  private long recordLine;
  // The current record's fields, their bytes back to back; field i ends at ends[i].
  private byte[] bytes = new byte[1024];
  private int length;
  private int[] ends = new int[64];
  private String[] texts = new String[64];
  private int count;
  private final Fields fields = new Fields();

  /**
   * @param offset the byte offset of {@code in}'s first byte within the file
   * @param line the line number of that byte (1 for the start of the file)
   */
  CsvRecords(InputStream in, long offset, long line) {
    this.in = in;
    this.bufferOffset = offset;
    this.line = line;
  }

  /**
   * The next record's fields, or null at the end of the input. The list is reused: it is valid
   * until the next call.
   */
  List<String> next() throws IOException {
    count = 0;
    length = 0;
    recordLine = line;
    int c = read();
    if (c == EOF) {
      return null;
    }
    while (true) {
      if (c == '"') {
        c = quoted();
      } else if (c != ',' && c != '\n' && c != EOF) {
        append(c);
        c = unquoted();
      }
      endField(c);
      if (c == ',') {
        c = read();
        continue;
      }
      if (c == '\n') {
        line++;
      }
      return fields;
    }
  }

  /** Reads the rest of a field up to a comma, line feed or the end; returns which it was. */
  private int unquoted() throws IOException {
    while (true) {
      int from = position;
      int at = from;
      while (at < limit && buffer[at] != ',' && buffer[at] != '\n') {
        at++;
      }
      append(from, at);
      position = at;
      if (at < limit) {
        position++;
        return buffer[at];
      }
      if (!fill()) {
        return EOF;
      }
    }
  }

  /** Reads a quoted field after its opening quote; returns the character after it. */
  private int quoted() throws IOException {
    while (true) {
      int from = position;
      int at = from;
      while (at < limit && buffer[at] != '"') {
        if (buffer[at] == '\n') {
          line++;
        }
        at++;
      }
      append(from, at);
      position = at;
      if (at == limit) {
        if (!fill()) {
          return EOF;
        }
        continue;
      }
      position++;
      int c = read();
      if (c != '"') {
        // Anything between the closing quote and the separator is kept, as lenient readers do.
        if (c == ',' || c == '\n' || c == EOF) {
          return c;
        }
        append(c);
        return unquoted();
      }
      append('"');
    }
  }

  private void endField(int terminator) {
    if (terminator == '\n' && length > start(count) && bytes[length - 1] == '\r') {
      length--;
    }
    if (count == ends.length) {
      ends = Arrays.copyOf(ends, count * 2);
      texts = Arrays.copyOf(texts, count * 2);
    }
    ends[count] = length;
    texts[count] = null;
    count++;
  }

  private int start(int field) {
    return field == 0 ? 0 : ends[field - 1];
  }

  private void append(int c) {
    if (length == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[length++] = (byte) c;
  }

  /** Appends the read buffer's bytes from {@code from} to {@code to}. */
  private void append(int from, int to) {
    int more = to - from;
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
    System.arraycopy(buffer, from, bytes, length, more);
    length += more;
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position++] & 0xff;
  }

  /** Reads the next bytes into the emptied buffer; false at the end of the input. */
  private boolean fill() throws IOException {
    bufferOffset += limit;
    limit = Math.max(in.read(buffer, 0, buffer.length), 0);
    position = 0;
    return limit > 0;
  }

  /** The line the last record returned by {@link #next()} starts on. */
  long recordLine() {
    return recordLine;
  }

  /** The byte offset just after the last record read: where the next one starts. */
  long offset() {
    return bufferOffset + position;
  }

  /** The line number the next record starts on. */
  long line() {
    return line;
  }

  /** The current record's fields, each decoded from UTF-8 the first time it is read. */
  private final class Fields extends AbstractList<String> implements RandomAccess {

    @Override
    public String get(int index) {
      Objects.checkIndex(index, count);
      String text = texts[index];
      if (text == null) {
        int start = start(index);
        text =
            start == ends[index]
                ? ""
                : new String(bytes, start, ends[index] - start, StandardCharsets.UTF_8);
        texts[index] = text;
      }
      return text;
    }

    @Override
    public int size() {
      return count;
    }
  }
}
