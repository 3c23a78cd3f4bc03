package dev.open311.api.server;

import dev.open311.spec.port.Areas.AreaFile;
import dev.open311.spec.port.Areas.LoadReport;
import dev.open311.spec.port.Areas.RetagProgress;
import dev.open311.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo boundaries shipped in the jar, loaded with the demo catalog: not Chicago's real
 * boundaries but grids of named districts over its extent (longitude -87.94 to -87.52, latitude
 * 41.64 to 42.02), numbered row by row from the north-west, with the area types and properties of
 * the city's data portal. {@code DemoAreasTest} draws them and checks the files match.
 */
final class DemoAreas {

  private static final Logger LOG = LoggerFactory.getLogger(DemoAreas.class);

  /** A shipped file and how to read it. */
  record DemoFile(String resource, AreaFile areaFile, int columns, int rows, String namePrefix) {}

  static final List<DemoFile> FILES =
      List.of(
          new DemoFile(
              "areas/chicago-demo-wards.geojson",
              new AreaFile("ward", "ward", "name", false),
              10,
              5,
              "Ward "),
          new DemoFile(
              "areas/chicago-demo-community-areas.geojson",
              new AreaFile("community_area", "area_numbe", "community", false),
              11,
              7,
              "Community Area "),
          new DemoFile(
              "areas/chicago-demo-police-districts.geojson",
              new AreaFile("police_district", "dist_num", "dist_label", false),
              5,
              5,
              "District "));

  private DemoAreas() {}

  static void load(Storage storage) {
    for (DemoFile file : FILES) {
      try (InputStream in = DemoAreas.class.getClassLoader().getResourceAsStream(file.resource())) {
        if (in == null) {
          throw new IllegalStateException(file.resource() + " is missing from the jar");
        }
        LoadReport report = storage.areas().load(file.areaFile(), in, RetagProgress.NONE);
        LOG.info("empty database: loaded {} demo {} areas", report.areas(), report.areaType());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
