package dev.open311.api.format;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Optional;

/** The two GeoReport v2 formats, named by the path suffix. */
public enum Format {
  JSON("application/json; charset=utf-8"),
  XML("text/xml; charset=utf-8");

  /** The request property under which the chosen format is kept for error mappers. */
  public static final String PROPERTY = "open311.format";

  public static final String JSON_TYPE = "application/json; charset=utf-8";
  public static final String XML_TYPE = "text/xml; charset=utf-8";

  private final MediaType mediaType;

  Format(String mediaType) {
    this.mediaType = MediaType.valueOf(mediaType);
  }

  public MediaType mediaType() {
    return mediaType;
  }

  /** The format of a suffix such as {@code json}, if it is one. */
  public static Optional<Format> ofSuffix(String suffix) {
    for (Format format : values()) {
      if (format.name().toLowerCase(Locale.ROOT).equals(suffix.toLowerCase(Locale.ROOT))) {
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
