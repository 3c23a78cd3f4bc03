package dev.open311.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.open311.api.server.DemoAreas.DemoFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Draws the demo boundaries and checks the shipped files are exactly these drawings. To change
 * them, edit the grid here or in {@link DemoAreas#FILES} and write the files again with {@code mvn
 * -pl api -am test -Dtest=DemoAreasTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dopen311.writeDemoAreas=true}.
 */
class DemoAreasTest {

  static final double WEST = -87.94;
  static final double EAST = -87.52;
  static final double SOUTH = 41.64;
  static final double NORTH = 42.02;

  @Test
  void theShippedFilesAreTheGridsDrawnHere() throws IOException {
    for (DemoFile file : DemoAreas.FILES) {
      Path shipped = Path.of("src/main/resources", file.resource());
      String drawn = draw(file);
      if (Boolean.getBoolean("open311.writeDemoAreas")) {
        Files.writeString(shipped, drawn);
      }
      assertEquals(drawn, Files.readString(shipped), file.resource());
    }
  }

  @Test
  void eachGridHasOneNumberedCellPerDistrict() {
    assertEquals(List.of(50, 77, 25), DemoAreas.FILES.stream().map(f -> cells(f).size()).toList());
    String firstWard = cells(DemoAreas.FILES.get(0)).get(0);
    assertEquals(
        "{\"type\":\"Feature\",\"properties\":{\"ward\":\"1\",\"name\":\"Ward 1\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-87.94,41.944],"
            + "[-87.898,41.944],[-87.898,42.02],[-87.94,42.02],[-87.94,41.944]]]}}",
        firstWard,
        "ward 1 is the north-west cell, its ring counterclockwise");
  }

  /** A FeatureCollection with one feature per line, so a change reads well in a diff. */
  static String draw(DemoFile file) {
    return "{\"type\":\"FeatureCollection\",\"features\":[\n"
        + String.join(",\n", cells(file))
        + "\n]}\n";
  }

  static List<String> cells(DemoFile file) {
    List<String> cells = new ArrayList<>();
    String[] longitudes = edges(WEST, EAST, file.columns());
    String[] latitudes = edges(NORTH, SOUTH, file.rows());
    for (int row = 0; row < file.rows(); row++) {
      for (int column = 0; column < file.columns(); column++) {
        String key = Integer.toString(row * file.columns() + column + 1);
        String west = longitudes[column];
        String east = longitudes[column + 1];
        String north = latitudes[row];
        String south = latitudes[row + 1];
        String ring =
            String.join(
                ",",
                position(west, south),
                position(east, south),
                position(east, north),
                position(west, north),
                position(west, south));
        cells.add(
            String.format(
                "{\"type\":\"Feature\",\"properties\":{\"%s\":\"%s\",\"%s\":\"%s%s\"},"
                    + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[%s]]}}",
                file.areaFile().keyProperty(),
                key,
                file.areaFile().nameProperty(),
                file.namePrefix(),
                key,
                ring));
      }
    }
    return cells;
  }

  /** Edges from one side to the other, rounded once so neighbours share them exactly. */
  private static String[] edges(double from, double to, int cells) {
    String[] edges = new String[cells + 1];
    for (int i = 0; i <= cells; i++) {
      edges[i] =
          BigDecimal.valueOf(from + (to - from) * i / cells)
              .setScale(6, RoundingMode.HALF_UP)
              .stripTrailingZeros()
              .toPlainString();
    }
    return edges;
  }

  private static String position(String longitude, String latitude) {
    return "[" + longitude + "," + latitude + "]";
  }
}
