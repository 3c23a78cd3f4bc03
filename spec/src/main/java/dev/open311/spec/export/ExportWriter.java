package dev.open311.spec.export;

import java.io.IOException;
import java.util.List;

/**
 * Writes the feed one request at a time. {@link #close()} finishes the document (the GeoJSON
 * collection's closing brackets) and flushes, but leaves the underlying stream open.
 */
public interface ExportWriter extends RequestFeed.Sink, AutoCloseable {

  /** The field names, in order: CSV header, NDJSON keys and GeoJSON properties. */
  List<String> FIELDS =
      List.of(
          "service_request_id",
          "status",
          "status_notes",
          "service_name",
          "service_code",
          "description",
          "agency_responsible",
          "service_notice",
          "requested_datetime",
          "updated_datetime",
          "expected_datetime",
          "address",
          "address_id",
          "zipcode",
          "lat",
          "long",
          "media_url",
          "channel",
          "duplicate",
          "parent_service_request_id",
          "closed_datetime",
          "ward",
          "community_area",
          "police_district");

  @Override
  void close() throws IOException;
}
