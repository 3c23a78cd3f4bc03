package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** GeoReport v2 {@code type} of a service: what a POST answers. */
public enum ServiceType {
  /** POST answers a {@code service_request_id}. */
  REALTIME,
  /** POST answers a {@code token}, resolved later through {@code tokens/{token}}. */
  BATCH,
  /** POST answers neither. */
  BLACKBOX;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ServiceType fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
