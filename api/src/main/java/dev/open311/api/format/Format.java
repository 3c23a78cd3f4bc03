package dev.open311.api.format;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats named by the path suffix: the two GeoReport v2 ones, and the feed formats some
 * resources also serve (GeoJSON for maps, CSV and NDJSON for bulk export).
 */
public enum Format {
  JSON("application/json; charset=utf-8"),
  XML("text/xml; charset=utf-8"),
  GEOJSON("application/geo+json; charset=utf-8"),
  CSV("text/csv; charset=utf-8"),
  NDJSON("application/x-ndjson; charset=utf-8");

  /** The request property under which the chosen format is kept for error mappers. */
  public static final String PROPERTY = "open311.format";

  public static final String JSON_TYPE = "application/json; charset=utf-8";
  public static final String XML_TYPE = "text/xml; charset=utf-8";
  public static final String GEOJSON_TYPE = "application/geo+json; charset=utf-8";
  public static final String CSV_TYPE = "text/csv; charset=utf-8";
  public static final String NDJSON_TYPE = "application/x-ndjson; charset=utf-8";

  private final MediaType mediaType;
  private final String header;
  private final String suffix;

  Format(String mediaType) {
    this.mediaType = MediaType.valueOf(mediaType);
    this.header = this.mediaType.toString();
    this.suffix = name().toLowerCase(Locale.ROOT);
  }

  public MediaType mediaType() {
    return mediaType;
  }

  /** {@link #mediaType} as a header value, made once rather than on every call. */
  public String header() {
    return header;
  }

  /**
   * The format an error is written in for a call in this format: the JSON error list for the
   * JSON-based feeds, the XML one for CSV (which has no error shape of its own).
   */
  public Format errorFormat() {
    return switch (this) {
      case JSON, GEOJSON, NDJSON -> JSON;
      case XML, CSV -> XML;
    };
  }

  /** The format of a suffix such as {@code json}, if it is one. */
  public static Optional<Format> ofSuffix(String suffix) {
    for (Format format : values()) {
      if (format.suffix.equalsIgnoreCase(suffix)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The format chosen for this call; XML when the suffix was unusable, as the digest advises. */
  public static Format of(ContainerRequestContext request) {
    Object format = request == null ? null : request.getProperty(PROPERTY);
    return format instanceof Format f ? f : XML;
  }
}
