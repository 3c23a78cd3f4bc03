package dev.open311.storage.geo;

import static dev.open311.storage.geo.GeoJson.collection;
import static dev.open311.storage.geo.GeoJson.feature;
import static dev.open311.storage.geo.GeoJson.multiPolygon;
import static dev.open311.storage.geo.GeoJson.polygon;
import static dev.open311.storage.geo.GeoJson.rectangle;
import static dev.open311.storage.geo.GeoJson.ring;
import static dev.open311.storage.geo.GeoJson.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.port.Areas.AreaFile;
import dev.open311.spec.port.Areas.InvalidAreasException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class GeoJsonAreasTest {

  private static final AreaFile WARDS = new AreaFile("ward", "ward", "name", false);
  private static final String SQUARE = polygon(rectangle(-87.7, 41.8, -87.6, 41.9));

  /**
   * Two triangles touching at a point, drawn as one ring: a self-intersection at (-87.65, 41.85).
   */
  private static final String BOWTIE =
      polygon(ring(-87.7, 41.8, -87.6, 41.9, -87.6, 41.8, -87.7, 41.9, -87.7, 41.8));

  @Test
  void readsPolygonsWithHolesAndMultiPolygonsWithTheirKeysAndNames() throws IOException {
    String withHole =
        polygon(rectangle(-87.7, 41.8, -87.6, 41.9), rectangle(-87.66, 41.84, -87.64, 41.86));
    String twoParts =
        multiPolygon(rectangle(-87.5, 41.8, -87.4, 41.9), rectangle(-87.3, 41.8, -87.2, 41.9));

    GeoJsonAreas.Parsed parsed =
        GeoJsonAreas.read(
            stream(collection(feature("\"1\"", withHole), feature("2", twoParts))), WARDS);

    List<Area> areas = parsed.areas();
    assertEquals(List.of("1", "2"), areas.stream().map(Area::areaKey).toList());
    assertEquals(List.of("Ward 1", "Ward 2"), areas.stream().map(Area::name).toList());
    assertEquals(1, ((Polygon) areas.get(0).geometry()).getNumInteriorRing());
    assertEquals(2, ((MultiPolygon) areas.get(1).geometry()).getNumGeometries());
    assertEquals("ward", areas.get(0).areaType());
    assertEquals(0, parsed.fixed());
  }

  @Test
  void numericKeysReadWithoutADecimalPointAndAltitudesAreIgnored() throws IOException {
    String withAltitude =
        "{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[-87.7,41.8,180],[-87.6,41.8,180],[-87.6,41.9,180],[-87.7,41.8,180]]]}";
    Area area =
        GeoJsonAreas.read(stream(collection(feature("42.0", withAltitude))), WARDS).areas().get(0);
    assertEquals("42", area.areaKey());
  }

  @Test
  void everyProblemOfTheFileIsListedWithTheFeatureAndItsKey() {
    String point = "{\"type\":\"Point\",\"coordinates\":[-87.6,41.8]}";
    String swappedAndOut = polygon(rectangle(41.8, -87.7, 41.9, 187.6));
    String open = polygon(ring(-87.7, 41.8, -87.6, 41.8, -87.6, 41.9, -87.7, 41.9));
    String noKey =
        "{\"type\":\"Feature\",\"properties\":{\"name\":\"x\"},\"geometry\":" + SQUARE + "}";

    InvalidAreasException invalid =
        assertThrows(
            InvalidAreasException.class,
            () ->
                GeoJsonAreas.read(
                    stream(
                        collection(
                            feature("1", SQUARE),
                            feature("2", point),
                            feature("1", SQUARE),
                            feature("4", swappedAndOut),
                            feature("5", BOWTIE),
                            feature("6", open),
                            noKey,
                            feature("8", "null"))),
                    WARDS));

    List<String> problems = invalid.problems();
    assertEquals(7, problems.size(), String.join("\n", problems));
    assertEquals(
        "features[1] (ward 2): its geometry is a Point, not a Polygon or MultiPolygon",
        problems.get(0));
    assertEquals("features[2] (ward 1) repeats the key of features[0]", problems.get(1));
    assertTrue(
        problems.get(2).startsWith("features[3] (ward 4): position [41.9, 187.6] is out of range"),
        problems.get(2));
    assertEquals(
        "features[4] (ward 5) is not a valid polygon: Self-intersection at or near (-87.65, 41.85)"
            + " (--fix repairs it)",
        problems.get(3));
    assertTrue(
        problems.get(4).startsWith("features[5] (ward 6): a ring is not valid: "), problems.get(4));
    assertEquals("features[6] has no ward property (a string or number)", problems.get(5));
    assertEquals("features[7] (ward 8): it has no geometry", problems.get(6));
  }

  @Test
  void fixRepairsAnInvalidPolygonInsteadOfRefusingIt() throws IOException {
    AreaFile fixing = new AreaFile("ward", "ward", null, true);

    GeoJsonAreas.Parsed parsed =
        GeoJsonAreas.read(stream(collection(feature("5", BOWTIE))), fixing);

    assertEquals(1, parsed.fixed());
    Area area = parsed.areas().get(0);
    assertTrue(area.geometry().isValid());
    assertEquals(0.005, area.geometry().getArea(), 1e-9, "both triangles are kept");
    assertEquals(null, area.name(), "no name property asked for");
  }

  @Test
  void aFileThatIsNotAFeatureCollectionIsRefusedWithOneClearProblem() {
    assertEquals(
        List.of("the file is not a GeoJSON FeatureCollection"),
        problems("{\"type\":\"Feature\",\"geometry\":" + SQUARE + "}"));
    assertEquals(
        List.of("the FeatureCollection has no features (to remove a type, delete it)"),
        problems(collection()));
    assertTrue(problems("{\"type\": ").get(0).startsWith("the file is not JSON: "));
    assertEquals(
        List.of(
            "the file's crs is urn:ogc:def:crs:EPSG::3435; only EPSG:4326 longitude/latitude is"
                + " read"),
        problems(
            "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"urn:ogc:def:crs:EPSG::3435\"}},\"features\":["
                + feature("1", SQUARE)
                + "]}"));
  }

  private static List<String> problems(String json) {
    return assertThrows(InvalidAreasException.class, () -> GeoJsonAreas.read(stream(json), WARDS))
        .problems();
  }
}
