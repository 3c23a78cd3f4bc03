package dev.open311.spec.export;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/** The formats of the bulk feed, named as the path suffix and the CLI's {@code --format}. */
public enum ExportFormat {
  CSV,
  NDJSON,
  GEOJSON;

  /** A writer of this format on {@code out}; closing it does not close {@code out}. */
  public ExportWriter writer(OutputStream out) {
    return switch (this) {
      case CSV -> new CsvExportWriter(out);
      case NDJSON -> new NdjsonExportWriter(out);
      case GEOJSON -> new GeoJsonExportWriter(out);
    };
  }

  public String suffix() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code csv}, {@code ndjson} or {@code geojson} (any case), if any. */
  public static Optional<ExportFormat> parse(String name) {
    for (ExportFormat format : values()) {
      if (format.suffix().equalsIgnoreCase(name.trim())) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
