package dev.open311.spec.export;

import dev.open311.spec.format.W3cDates;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * RFC 4180 CSV: a header row of {@link ExportWriter#FIELDS}, CRLF line ends, a field quoted only
 * when it holds a comma, quote or line break. An absent value is an empty field.
 */
final class CsvExportWriter implements ExportWriter {

  private static final byte[] HEADER =
      (String.join(",", FIELDS) + "\r\n").getBytes(StandardCharsets.UTF_8);

  private final OutputStream out;
  // Written straight to bytes: a Writer's char buffer and charset encoder cost more than the
  // formatting itself at hundreds of thousands of rows a second.
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private boolean headerWritten;

  CsvExportWriter(OutputStream out) {
    this.out = out;
  }

  @Override
  public void accept(ExportedRequest r) throws IOException {
    if (!headerWritten) {
      header();
    }
    text(r.serviceRequestId());
    text(r.status().wireName());
    text(r.statusNotes());
    text(r.serviceName());
    text(r.serviceCode());
    text(r.description());
    text(r.agencyResponsible());
    text(r.serviceNotice());
    date(r.requestedDatetime());
    date(r.updatedDatetime());
    date(r.expectedDatetime());
    text(r.address());
    text(r.addressId());
    text(r.zipcode());
    text(r.latitude() == null ? null : r.latitude().toString());
    text(r.longitude() == null ? null : r.longitude().toString());
    text(r.mediaUrl());
    text(r.channel());
    text(r.duplicate() ? "true" : "false");
    text(r.parentServiceRequestId());
    date(r.closedDatetime());
    text(r.ward());
    text(r.communityArea());
    field(r.policeDistrict());
    room(2);
    buffer[position++] = '\r';
    buffer[position++] = '\n';
  }

  private void header() throws IOException {
    write(HEADER);
    headerWritten = true;
  }

  /** Digits and separators, never quoted: written straight into the buffer, without a String. */
  private void date(OffsetDateTime value) throws IOException {
    if (value == null) {
      text(null);
      return;
    }
    room(W3cDates.MAX_LENGTH + 1);
    position = W3cDates.write(value, buffer, position);
    buffer[position++] = ',';
  }

  private void text(String value) throws IOException {
    field(value);
    room(1);
    buffer[position++] = ',';
  }

  /** Quoted if it must be; ASCII goes byte by byte, anything else is UTF-8 encoded first. */
  private void field(String value) throws IOException {
    if (value == null || value.isEmpty()) {
      return;
    }
    int length = value.length();
    boolean quoted = false;
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      quoted |= c == ',' || c == '"' || c == '\n' || c == '\r';
      ascii &= c < 0x80;
    }
    int most = 2 * length + 2; // every character a doubled quote, and the enclosing pair
    if (!ascii || most > buffer.length) {
      String field = quoted ? '"' + value.replace("\"", "\"\"") + '"' : value;
      write(field.getBytes(StandardCharsets.UTF_8));
      return;
    }
    room(most);
    if (quoted) {
      buffer[position++] = '"';
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c == '"') {
        buffer[position++] = '"';
      }
      buffer[position++] = (byte) c;
    }
    if (quoted) {
      buffer[position++] = '"';
    }
  }

  private void write(byte[] bytes) throws IOException {
    if (bytes.length > buffer.length) {
      drain();
      out.write(bytes);
      return;
    }
    room(bytes.length);
    System.arraycopy(bytes, 0, buffer, position, bytes.length);
    position += bytes.length;
  }

  private void room(int bytes) throws IOException {
    if (buffer.length - position < bytes) {
      drain();
    }
  }

  private void drain() throws IOException {
    out.write(buffer, 0, position);
    position = 0;
  }

  @Override
  public void close() throws IOException {
    if (!headerWritten) {
      header();
    }
    drain();
    out.flush();
  }
}
