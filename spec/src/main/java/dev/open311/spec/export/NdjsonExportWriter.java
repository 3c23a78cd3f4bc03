package dev.open311.spec.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Newline-delimited JSON: one object per line with the fields of {@link ExportWriter#FIELDS}. */
final class NdjsonExportWriter implements ExportWriter {

  private final JsonGenerator json;
  private boolean empty = true;

  NdjsonExportWriter(OutputStream out) {
    try {
      json = JsonFields.generator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Jackson separates root values with a space by default; NDJSON wants a line feed. (A
    // pretty printer would do too, but sends every field name down a slower path.)
    json.setRootValueSeparator(new SerializedString("\n"));
  }

  @Override
  public void accept(ExportedRequest request) throws IOException {
    json.writeStartObject();
    JsonFields.write(json, request);
    json.writeEndObject();
    empty = false;
  }

  @Override
  public void close() throws IOException {
    // The last line's end; no rows is no lines, not one empty line (which NDJSON readers reject).
    if (!empty) {
      json.writeRaw('\n');
    }
    json.close();
  }
}
