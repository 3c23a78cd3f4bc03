package dev.open311.storage.bulk;

import dev.open311.storage.db.PostgresTime;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Reads PostgreSQL's binary COPY format (the "PGCOPY" signature, then per row a field count and
 * per field a length and the value in the type's binary send form) from a stream, one field at a
 * time. Only the types the feed selects are decoded: text, text[], float8, bool and timestamptz. A
 * length that does not fit the type is reported as an error instead of being misread.
 */
final class CopyBinaryReader {

  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r',
      '\n', 0};

  private final InputStream in;
  private byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;

  CopyBinaryReader(InputStream in) throws IOException {
    this.in = in;
    require(SIGNATURE.length + 8);
    if (!Arrays.equals(buffer, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
      throw new IOException("not a binary COPY stream");
    }
    position = SIGNATURE.length;
    int flags = int32();
    if ((flags & 0x0001_0000) != 0) {
      throw new IOException("binary COPY with OIDs is not expected");
    }
    skip(int32()); // header extension
  }

  /** Moves to the next row: its number of fields, or -1 after the last row. */
  int nextRow() throws IOException {
    require(2);
    short fields = (short) (((buffer[position] & 0xff) << 8) | (buffer[position + 1] & 0xff));
    position += 2;
    return fields;
  }

  /** After the end marker: checks that nothing follows, which also lets the COPY complete. */
  void end() throws IOException {
    if (position < limit || in.read() >= 0) {
      throw new IOException("binary COPY data after its end marker");
    }
  }

  /** A text field, or null. */
  String text() throws IOException {
    int length = length();
    if (length < 0) {
      return null;
    }
    require(length);
    String value = new String(buffer, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }

  /** A one-dimensional text[] field (elements may be null), or null; {@code '{}'} reads empty. */
  String[] textArray() throws IOException {
    int length = length();
    if (length < 0) {
      return null;
    }
    require(length);
    int end = position + length;
    int dimensions = int32();
    position += 8; // the has-nulls flag and the element type
    if (dimensions == 0) {
      return empty(end);
    }
    if (dimensions != 1) {
      throw new IOException("binary COPY array of " + dimensions + " dimensions, 1 expected");
    }
    int size = int32();
    position += 4; // the lower bound
    String[] values = new String[size];
    for (int i = 0; i < size; i++) {
      int elementLength = int32();
      if (elementLength > end - position) {
        throw new IOException("binary COPY array element runs past its field");
      }
      if (elementLength >= 0) {
        values[i] = new String(buffer, position, elementLength, StandardCharsets.UTF_8);
        position += elementLength;
      }
    }
    if (position != end) {
      throw new IOException("binary COPY array field longer than its elements");
    }
    return values;
  }

  private String[] empty(int end) throws IOException {
    if (position != end) {
      throw new IOException("binary COPY empty array field with data");
    }
    return new String[0];
  }

  /** A float8 field, or null. */
  Double float8() throws IOException {
    int length = fixedLength(8);
    return length < 0 ? null : Double.longBitsToDouble(int64());
  }

  /** A bool field; null reads as false. */
  boolean bool() throws IOException {
    int length = fixedLength(1);
    if (length < 0) {
      return false;
    }
    require(1);
    return buffer[position++] != 0;
  }

  /** A timestamptz field, or null. */
  Instant timestamp() throws IOException {
    int length = fixedLength(8);
    if (length < 0) {
      return null;
    }
    return PostgresTime.instant(int64());
  }

  private int fixedLength(int expected) throws IOException {
    int length = length();
    if (length >= 0 && length != expected) {
      throw new IOException("binary COPY field of " + length + " bytes where " + expected
          + " were expected");
    }
    return length;
  }

  private int length() throws IOException {
    require(4);
    return int32();
  }

  private int int32() {
    int value = ((buffer[position] & 0xff) << 24) | ((buffer[position + 1] & 0xff) << 16)
        | ((buffer[position + 2] & 0xff) << 8) | (buffer[position + 3] & 0xff);
    position += 4;
    return value;
  }

  private long int64() throws IOException {
    require(8);
    long high = int32() & 0xffff_ffffL;
    long low = int32() & 0xffff_ffffL;
    return (high << 32) | low;
  }

  private void skip(int bytes) throws IOException {
    require(bytes);
    position += bytes;
  }

  /** Makes {@code bytes} unread bytes available in the buffer from {@code position}. */
  private void require(int bytes) throws IOException {
    if (limit - position >= bytes) {
      return;
    }
    int unread = limit - position;
    if (bytes > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(bytes, buffer.length * 2));
    }
    System.arraycopy(buffer, position, buffer, 0, unread);
    position = 0;
    limit = unread;
    while (limit < bytes) {
      int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        throw new EOFException("binary COPY stream ended inside a row");
      }
      limit += read;
    }
  }
}
