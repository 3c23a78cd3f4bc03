package dev.open311.api.cli;

import dev.open311.spec.format.W3cDates;
import dev.open311.spec.port.Areas.AreaFile;
import dev.open311.spec.port.Areas.AreaTypeSummary;
import dev.open311.spec.port.Areas.InvalidAreasException;
import dev.open311.spec.port.Areas.LoadReport;
import dev.open311.spec.port.Areas.RetagReport;
import dev.open311.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code areas}: named polygons (wards, community areas, police districts ...) that requests are
 * tagged with. A running server picks up a load within seconds.
 *
 * <pre>java -jar open311-server.jar areas load --type ward --key-property ward wards.geojson</pre>
 */
@Command(
    name = "areas",
    mixinStandardHelpOptions = true,
    description = "Load, list, re-tag and delete named areas (wards, community areas ...).",
    subcommands = {
      AreasCommand.Load.class,
      AreasCommand.ListTypes.class,
      AreasCommand.Retag.class,
      AreasCommand.Delete.class
    })
public final class AreasCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description =
          "Replace every area of a type with the Polygon and MultiPolygon features of a GeoJSON"
              + " FeatureCollection (EPSG:4326, [longitude, latitude]) and re-tag every request, in"
              + " one transaction. The whole file is checked first; any problem refuses it (exit 2)"
              + " and changes nothing.")
  static final class Load implements Callable<Integer> {
    @Option(names = "--type", required = true, description = "e.g. ward, community_area.")
    String type;

    @Option(
        names = "--key-property",
        required = true,
        description = "The feature property holding each area's key, e.g. ward.")
    String keyProperty;

    @Option(names = "--name-property", description = "The feature property holding its name.")
    String nameProperty;

    @Option(
        names = "--fix",
        description = "Repair invalid polygons (self-intersections ...) instead of refusing them.")
    boolean fix;

    @Parameters(paramLabel = "FILE", description = "The GeoJSON file.")
    Path file;

    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      AreaFile areaFile = new AreaFile(type, keyProperty, nameProperty, fix);
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new IllegalArgumentException("cannot read the file " + file);
      }
      PrintWriter err = spec.commandLine().getErr();
      try (Storage storage = Storage.open(database.config());
          InputStream in = Files.newInputStream(file)) {
        RetagProgressLine progress = new RetagProgressLine(err);
        LoadReport report = storage.areas().load(areaFile, in, progress);
        progress.finish();
        spec.commandLine()
            .getOut()
            .printf(
                Locale.ROOT,
                "loaded %d %s area(s) from %s%s; %s%n",
                report.areas(),
                report.areaType(),
                file,
                report.fixed() == 0 ? "" : " (" + report.fixed() + " repaired)",
                describe(report.retag()));
        return 0;
      } catch (InvalidAreasException invalid) {
        err.println(file + " cannot be loaded; nothing was changed:");
        invalid.problems().forEach(problem -> err.println("  - " + problem));
        return 2;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Each area type: its areas, when they were loaded, the requests tagged.")
  static final class ListTypes implements Callable<Integer> {
    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Storage storage = Storage.open(database.config())) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-24s %6s %-26s %s%n", "TYPE", "AREAS", "LOADED", "TAGGED_REQUESTS");
        for (AreaTypeSummary type : storage.areas().list()) {
          out.printf(
              "%-24s %6d %-26s %d%n",
              type.areaType(),
              type.areas(),
              type.loadedAt() == null ? "-" : W3cDates.format(type.loadedAt()),
              type.taggedRequests());
        }
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "retag",
      mixinStandardHelpOptions = true,
      description =
          "Re-tag every request with coordinates from the stored boundaries, in one transaction;"
              + " safe to rerun or interrupt.")
  static final class Retag implements Callable<Integer> {
    @Option(names = "--type", description = "Only this type (default: every loaded type).")
    String type;

    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Storage storage = Storage.open(database.config())) {
        RetagProgressLine progress = new RetagProgressLine(spec.commandLine().getErr());
        RetagReport report = storage.areas().retag(type, progress);
        progress.finish();
        spec.commandLine().getOut().println(describe(report));
        return 0;
      }
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a type's areas and every tag of that type, in one transaction.")
  static final class Delete implements Callable<Integer> {
    @Option(names = "--type", required = true, description = "The area type.")
    String type;

    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Storage storage = Storage.open(database.config())) {
        if (!storage.areas().delete(type)) {
          spec.commandLine().getErr().println("no areas or tags of type " + type);
          return 1;
        }
        spec.commandLine().getOut().println("deleted the " + type + " areas and their tags");
        return 0;
      }
    }
  }

  private static String describe(RetagReport report) {
    return String.format(
        Locale.ROOT,
        "tagged %d of %d requests with coordinates (%d tags changed) in %.1f s (%.0f requests/s)",
        report.tagged(),
        report.requests(),
        report.changedTags(),
        report.seconds(),
        report.requestsPerSecond());
  }
}
