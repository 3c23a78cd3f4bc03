package dev.open311.spec.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.open311.spec.format.W3cDates;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;

/** The feed's fields as JSON members, shared by the NDJSON and GeoJSON writers. */
final class JsonFields {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private JsonFields() {}

  static JsonGenerator generator(OutputStream out) throws IOException {
    return FACTORY.createGenerator(out, JsonEncoding.UTF8);
  }

  // Field names encoded once: Jackson then copies their bytes instead of escaping each name on
  // every row. Indexed like ExportWriter.FIELDS.
  private static final SerializedString[] NAMES =
      ExportWriter.FIELDS.stream().map(SerializedString::new).toArray(SerializedString[]::new);

  /** Writes every field, absent ones as {@code null}, so each object has the same keys. */
  static void write(JsonGenerator json, ExportedRequest r) throws IOException {
    text(json, 0, r.serviceRequestId());
    text(json, 1, r.status().wireName());
    text(json, 2, r.statusNotes());
    text(json, 3, r.serviceName());
    text(json, 4, r.serviceCode());
    text(json, 5, r.description());
    text(json, 6, r.agencyResponsible());
    text(json, 7, r.serviceNotice());
    date(json, 8, r.requestedDatetime());
    date(json, 9, r.updatedDatetime());
    date(json, 10, r.expectedDatetime());
    text(json, 11, r.address());
    text(json, 12, r.addressId());
    text(json, 13, r.zipcode());
    number(json, 14, r.latitude());
    number(json, 15, r.longitude());
    text(json, 16, r.mediaUrl());
    text(json, 17, r.channel());
    json.writeFieldName(NAMES[18]);
    json.writeBoolean(r.duplicate());
    text(json, 19, r.parentServiceRequestId());
    date(json, 20, r.closedDatetime());
    text(json, 21, r.ward());
    text(json, 22, r.communityArea());
    text(json, 23, r.policeDistrict());
  }

  private static void text(JsonGenerator json, int field, String value) throws IOException {
    json.writeFieldName(NAMES[field]);
    if (value == null) {
      json.writeNull();
    } else {
      json.writeString(value);
    }
  }

  private static void date(JsonGenerator json, int field, OffsetDateTime value)
      throws IOException {
    text(json, field, value == null ? null : W3cDates.format(value));
  }

  private static void number(JsonGenerator json, int field, Double value) throws IOException {
    json.writeFieldName(NAMES[field]);
    if (value == null) {
      json.writeNull();
    } else {
      json.writeNumber(value);
    }
  }
}
