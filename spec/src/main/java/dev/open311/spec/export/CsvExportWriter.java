package dev.open311.spec.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * RFC 4180 CSV: a header row of {@link ExportWriter#FIELDS}, CRLF line ends, a field quoted only
 * when it holds a comma, quote or line break. An absent value is an empty field.
 */
final class CsvExportWriter implements ExportWriter {

  private final Writer out;
  private boolean headerWritten;

  CsvExportWriter(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
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
    last(r.policeDistrict());
  }

  private void header() throws IOException {
    out.write(String.join(",", FIELDS));
    out.write("\r\n");
    headerWritten = true;
  }

  private void date(OffsetDateTime value) throws IOException {
    if (value != null) {
      out.write(ExportDates.format(value));
    }
    out.write(',');
  }

  private void text(String value) throws IOException {
    field(value);
    out.write(',');
  }

  private void last(String value) throws IOException {
    field(value);
    out.write("\r\n");
  }

  private void field(String value) throws IOException {
    if (value == null || value.isEmpty()) {
      return;
    }
    if (!needsQuotes(value)) {
      out.write(value);
      return;
    }
    out.write('"');
    out.write(value.replace("\"", "\"\""));
    out.write('"');
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    if (!headerWritten) {
      header();
    }
    out.flush();
  }
}
