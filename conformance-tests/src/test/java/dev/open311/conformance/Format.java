package dev.open311.conformance;

import java.util.Locale;
import java.util.regex.Pattern;

/** The two GeoReport v2 representations, chosen by the path suffix. */
enum Format {
  JSON(".json", "application/json"),
  XML(".xml", "text/xml");

  final String suffix;
  final String mediaType;
  private final Pattern contentType;

  Format(String suffix, String mediaType) {
    this.suffix = suffix;
    this.mediaType = mediaType;
    this.contentType =
        Pattern.compile(
            Pattern.quote(mediaType) + "\\s*(;\\s*charset=\"?utf-8\"?\\s*)?",
            Pattern.CASE_INSENSITIVE);
  }

  /** True for the spec's media type, optionally with {@code charset=utf-8}. */
  boolean matchesContentType(String header) {
    return header != null && contentType.matcher(header.trim().toLowerCase(Locale.ROOT)).matches();
  }

  @Override
  public String toString() {
    return suffix;
  }
}
