package dev.open311.spec.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
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

  /** Writes every field, absent ones as {@code null}, so each object has the same keys. */
  static void write(JsonGenerator json, ExportedRequest r) throws IOException {
    json.writeStringField("service_request_id", r.serviceRequestId());
    json.writeStringField("status", r.status().wireName());
    json.writeStringField("status_notes", r.statusNotes());
    json.writeStringField("service_name", r.serviceName());
    json.writeStringField("service_code", r.serviceCode());
    json.writeStringField("description", r.description());
    json.writeStringField("agency_responsible", r.agencyResponsible());
    json.writeStringField("service_notice", r.serviceNotice());
    date(json, "requested_datetime", r.requestedDatetime());
    date(json, "updated_datetime", r.updatedDatetime());
    date(json, "expected_datetime", r.expectedDatetime());
    json.writeStringField("address", r.address());
    json.writeStringField("address_id", r.addressId());
    json.writeStringField("zipcode", r.zipcode());
    number(json, "lat", r.latitude());
    number(json, "long", r.longitude());
    json.writeStringField("media_url", r.mediaUrl());
    json.writeStringField("channel", r.channel());
    json.writeBooleanField("duplicate", r.duplicate());
    json.writeStringField("parent_service_request_id", r.parentServiceRequestId());
    date(json, "closed_datetime", r.closedDatetime());
    json.writeStringField("ward", r.ward());
    json.writeStringField("community_area", r.communityArea());
    json.writeStringField("police_district", r.policeDistrict());
  }

  private static void date(JsonGenerator json, String name, OffsetDateTime value)
      throws IOException {
    json.writeStringField(name, value == null ? null : ExportDates.format(value));
  }

  private static void number(JsonGenerator json, String name, Double value) throws IOException {
    json.writeFieldName(name);
    if (value == null) {
      json.writeNull();
    } else {
      json.writeNumber(value);
    }
  }
}
