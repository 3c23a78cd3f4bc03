package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** GeoReport v2 {@code status} of a service request. */
public enum Status {
  OPEN,
  CLOSED;

  // Written for every request of every page: made once, not lower-cased on each call.
  private final String wireName = name().toLowerCase(Locale.ROOT);
  private static final Status[] ALL = values();

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The status named by a wire value ({@code open}, {@code closed}; any case), if any. */
  public static Optional<Status> parse(String value) {
    for (Status status : ALL) {
      if (status.wireName.equals(value) || status.wireName.equalsIgnoreCase(value.trim())) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  @JsonCreator
  public static Status fromWire(String value) {
    return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown status " + value));
  }
}
