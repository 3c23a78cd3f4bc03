package dev.open311.storage.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader over bytes: fields separated by commas, records by LF or CRLF, a
 * field in double quotes may hold commas, line breaks and doubled quotes. It keeps only the
 * current record, and knows for each record the line it starts on and the byte offset just after
 * it, which is what an import reports bad rows with and resumes from.
 *
 * <p>Written by hand (about a hundred lines) rather than taken from a CSV library: it parses
 * bytes without a decoding reader in front, and it exposes the exact byte offset of every record
 * boundary, which resuming needs and the libraries do not give.
 */
final class CsvRecords {

  private static final int EOF = -1;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long offset;
  private long line;
  private long recordLine;
  private byte[] field = new byte[256];
  private int fieldLength;
  private final List<String> fields = new ArrayList<>(48);

  /**
   * @param offset the byte offset of {@code in}'s first byte within the file
   * @param line the line number of that byte (1 for the start of the file)
   */
  CsvRecords(InputStream in, long offset, long line) {
    this.in = in;
    this.offset = offset;
    this.line = line;
  }

  /** The next record's fields, or null at the end of the input. The list is reused. */
  List<String> next() throws IOException {
    fields.clear();
    recordLine = line;
    int c = read();
    if (c == EOF) {
      return null;
    }
    while (true) {
      fieldLength = 0;
      if (c == '"') {
        c = quoted();
      } else {
        while (c != ',' && c != '\n' && c != EOF) {
          append(c);
          c = read();
        }
      }
      fields.add(fieldText(c));
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

  /** Reads a quoted field after its opening quote; returns the character after it. */
  private int quoted() throws IOException {
    while (true) {
      int c = read();
      if (c == EOF) {
        return EOF;
      }
      if (c == '\n') {
        line++;
      }
      if (c == '"') {
        c = read();
        if (c != '"') {
          // Anything between the closing quote and the separator is kept, as lenient readers do.
          while (c != ',' && c != '\n' && c != EOF) {
            append(c);
            c = read();
          }
          return c;
        }
      }
      append(c);
    }
  }

  private String fieldText(int terminator) {
    int length = fieldLength;
    if (terminator == '\n' && length > 0 && field[length - 1] == '\r') {
      length--;
    }
    return length == 0 ? "" : new String(field, 0, length, StandardCharsets.UTF_8);
  }

  private void append(int c) {
    if (fieldLength == field.length) {
      field = java.util.Arrays.copyOf(field, field.length * 2);
    }
    field[fieldLength++] = (byte) c;
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return EOF;
      }
    }
    offset++;
    return buffer[position++] & 0xff;
  }

  /** The line the last record returned by {@link #next()} starts on. */
  long recordLine() {
    return recordLine;
  }

  /** The byte offset just after the last record read: where the next one starts. */
  long offset() {
    return offset;
  }

  /** The line number the next record starts on. */
  long line() {
    return line;
  }
}
