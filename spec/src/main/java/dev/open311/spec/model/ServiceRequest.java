package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;

/**
 * One {@code request} of GeoReport v2 {@code GET requests}: the public view of a service request.
 * It holds no personal data by construction: email, phone, names, device and account ids are not
 * fields of this record.
 *
 * @param address the human-readable location (the POST input name is {@code address_string})
 * @param latitude WGS84 {@code lat}
 * @param longitude WGS84 {@code long}
 */
@JsonPropertyOrder({
  "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
  "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
  "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"
})
public record ServiceRequest(
    String serviceRequestId,
    Status status,
    String statusNotes,
    String serviceName,
    String serviceCode,
    String description,
    String agencyResponsible,
    String serviceNotice,
    OffsetDateTime requestedDatetime,
    OffsetDateTime updatedDatetime,
    OffsetDateTime expectedDatetime,
    String address,
    String addressId,
    String zipcode,
    @JsonProperty("lat") Double latitude,
    @JsonProperty("long") Double longitude,
    String mediaUrl) {}
