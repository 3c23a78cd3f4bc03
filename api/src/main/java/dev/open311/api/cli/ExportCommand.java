package dev.open311.api.cli;

import dev.open311.api.param.ExportParameters;
import dev.open311.spec.error.Open311Exception;
import dev.open311.spec.export.ExportFilter;
import dev.open311.spec.export.ExportFormat;
import dev.open311.spec.export.ExportWriter;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.port.Areas;
import dev.open311.storage.Storage;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export requests}: the research feed to a file or stdout. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export data in bulk.",
    subcommands = {ExportCommand.Requests.class})
public final class ExportCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(
      name = "requests",
      mixinStandardHelpOptions = true,
      // One paragraph: picocli wraps it; each array element would start a line of its own.
      description =
          "Stream service requests as CSV, NDJSON or GeoJSON in constant memory, with the public"
              + " fields and the Chicago extensions; never personal data. Filters as GET requests"
              + " takes them, without its 90-day window: every matching request is written.")
  static final class Requests implements Callable<Integer> {
    @Option(
        names = "--format",
        defaultValue = "csv",
        description = "csv, ndjson or geojson (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, description = "File to write (default: stdout).")
    Path output;

    @Option(names = "--jurisdiction", description = "Jurisdiction (default: the only one served).")
    String jurisdiction;

    @Option(names = "--service-code", split = ",", description = "Service codes (comma list).")
    List<String> serviceCodes = List.of();

    @Option(names = "--status", split = ",", description = "open, closed or both.")
    List<String> statuses = List.of();

    @Option(names = "--start-date", description = "Requested at or after (W3C datetime or date).")
    String startDate;

    @Option(names = "--end-date", description = "Requested before (W3C datetime or date).")
    String endDate;

    @Option(names = "--updated-after", description = "Updated after (W3C datetime or date).")
    String updatedAfter;

    @Option(names = "--updated-before", description = "Updated before (W3C datetime or date).")
    String updatedBefore;

    @Option(names = "--lat", description = "Latitude of a radius search (with --long).")
    String latitude;

    @Option(names = "--long", description = "Longitude of a radius search (with --lat).")
    String longitude;

    @Option(
        names = "--radius",
        description = "Meters from --lat/--long (default 1000, at most 10000).")
    String radius;

    @Option(
        names = "--bbox",
        description = "min_long,min_lat,max_long,max_lat (longitude first, edges included).")
    String bbox;

    @Option(names = "--area-type", description = "An area type such as ward (with --area).")
    String areaType;

    @Option(names = "--area", split = ",", description = "Area keys of --area-type (comma list).")
    List<String> areas = List.of();

    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      try (Interruption interruption =
          new Interruption(spec.commandLine().getErr(), "the output is incomplete")) {
        try {
          return execute();
        } catch (RuntimeException | IOException e) {
          if (interruption.happened()) {
            return 130;
          }
          throw e;
        }
      }
    }

    private Integer execute() throws IOException {
      ExportFormat exportFormat =
          ExportFormat.parse(format)
              .orElseThrow(() -> new IllegalArgumentException(
                  "--format " + format + ": use csv, ndjson or geojson"));
      try (Storage storage = Storage.open(database.config())) {
        // Started once the database is up, so the rate counts rows, not start-up.
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), "exported");
        ExportFilter filter =
            filter(BulkCatalog.jurisdiction(storage, jurisdiction), storage.areas());
        long rows;
        try (OutputStream out = open();
            ExportWriter writer = exportFormat.writer(out)) {
          long[] count = {0};
          rows =
              storage
                  .bulk()
                  .feed()
                  .stream(
                      filter,
                      request -> {
                        writer.accept(request);
                        progress.update(++count[0], -1);
                      });
        }
        progress.finish(rows);
        return 0;
      }
    }

    private ExportFilter filter(Jurisdiction target, Areas known) {
      MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
      serviceCodes.forEach(code -> values.add("service_code", code));
      statuses.forEach(status -> values.add("status", status));
      put(values, "start_date", startDate);
      put(values, "end_date", endDate);
      put(values, "updated_after", updatedAfter);
      put(values, "updated_before", updatedBefore);
      put(values, "lat", latitude);
      put(values, "long", longitude);
      put(values, "radius", radius);
      put(values, "bbox", bbox);
      put(values, "area_type", areaType);
      areas.forEach(area -> values.add("area", area));
      try {
        return ExportParameters.filter(target, values, known::filterTypes);
      } catch (Open311Exception e) {
        throw new IllegalArgumentException(
            String.join("; ", e.errors().stream().map(x -> x.description()).toList()));
      }
    }

    private static void put(MultivaluedHashMap<String, String> values, String name, String value) {
      if (value != null) {
        values.add(name, value);
      }
    }

    /** The output file, or stdout left open (System.out is flushed, never closed). */
    private OutputStream open() throws IOException {
      if (output != null) {
        return new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
      }
      return new BufferedOutputStream(System.out, 1 << 16) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }
  }
}
