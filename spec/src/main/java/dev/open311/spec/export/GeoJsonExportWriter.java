package dev.open311.spec.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A GeoJSON FeatureCollection (RFC 7946) written feature by feature: each request is a Feature
 * whose geometry is a Point {@code [long, lat]} (null when the request has no coordinates) and
 * whose properties are the feed's fields.
 */
final class GeoJsonExportWriter implements ExportWriter {

  private final JsonGenerator json;

  GeoJsonExportWriter(OutputStream out) {
    try {
      json = JsonFields.generator(out);
      json.writeStartObject();
      json.writeStringField("type", "FeatureCollection");
      json.writeArrayFieldStart("features");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void accept(ExportedRequest request) throws IOException {
    json.writeRaw('\n');
    json.writeStartObject();
    json.writeStringField("type", "Feature");
    json.writeStringField("id", request.serviceRequestId());
    json.writeFieldName("geometry");
    if (request.latitude() == null || request.longitude() == null) {
      json.writeNull();
    } else {
      json.writeStartObject();
      json.writeStringField("type", "Point");
      json.writeArrayFieldStart("coordinates");
      json.writeNumber(request.longitude());
      json.writeNumber(request.latitude());
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeObjectFieldStart("properties");
    JsonFields.write(json, request);
    json.writeEndObject();
    json.writeEndObject();
  }

  @Override
  public void close() throws IOException {
    json.writeEndArray();
    json.writeEndObject();
    json.writeRaw('\n');
    json.close();
  }
}
