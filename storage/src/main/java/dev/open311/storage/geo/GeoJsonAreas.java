package dev.open311.storage.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.open311.spec.port.Areas.AreaFile;
import dev.open311.spec.port.Areas.InvalidAreasException;
import dev.open311.storage.geo.GeoJsonGeometries.BadGeometryException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads the areas of a GeoJSON FeatureCollection (EPSG:4326, [longitude, latitude]) and checks all
 * of them before anything is stored: every feature needs a Polygon or MultiPolygon geometry that is
 * valid (or repaired when asked), positions in range, and a key of its own.
 */
public final class GeoJsonAreas {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * The areas of a file.
   *
   * @param fixed how many invalid geometries were repaired
   */
  public record Parsed(List<Area> areas, int fixed) {}

  private GeoJsonAreas() {}

  /**
   * @throws InvalidAreasException naming every problem of the file, features by their index in
   *     {@code features} and their key
   */
  public static Parsed read(InputStream in, AreaFile file) throws IOException {
    JsonNode features = features(in);
    List<String> problems = new ArrayList<>();
    Map<String, Integer> firstUse = new HashMap<>();
    List<Area> areas = new ArrayList<>();
    int fixed = 0;
    for (int i = 0; i < features.size(); i++) {
      JsonNode feature = features.get(i);
      String where = "features[" + i + "]";
      if (!feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
        problems.add(where + " is not a Feature");
        continue;
      }
      JsonNode properties = feature.path("properties");
      String key = text(properties.get(file.keyProperty()));
      if (key == null) {
        problems.add(where + " has no " + file.keyProperty() + " property (a string or number)");
      } else {
        where += " (" + file.keyProperty() + " " + key + ")";
        Integer earlier = firstUse.putIfAbsent(key, i);
        if (earlier != null) {
          problems.add(where + " repeats the key of features[" + earlier + "]");
        }
      }
      Geometry geometry;
      try {
        geometry = GeoJsonGeometries.polygonal(feature.get("geometry"));
      } catch (BadGeometryException e) {
        problems.add(where + ": " + e.getMessage());
        continue;
      }
      TopologyValidationError error = new IsValidOp(geometry).getValidationError();
      if (error != null && file.fixInvalid()) {
        geometry = GeometryFixer.fix(geometry);
        fixed++;
      } else if (error != null) {
        problems.add(where + " is not a valid polygon: " + describe(error) + " (--fix repairs it)");
        continue;
      }
      if (geometry.isEmpty() || !(geometry instanceof Polygonal)) {
        problems.add(where + " has an empty polygon" + (error != null ? " once repaired" : ""));
      } else if (key != null) {
        String name =
            file.nameProperty() == null ? null : text(properties.get(file.nameProperty()));
        areas.add(new Area(file.areaType(), key, name, geometry));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidAreasException(problems);
    }
    return new Parsed(List.copyOf(areas), fixed);
  }

  private static JsonNode features(InputStream in) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw invalid(
          "the file is not JSON: "
              + e.getOriginalMessage()
              + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
    if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
      throw invalid("the file is not a GeoJSON FeatureCollection");
    }
    String crs = root.path("crs").path("properties").path("name").asText("");
    if (!crs.isEmpty() && !crs.contains("CRS84") && !crs.endsWith("4326")) {
      throw invalid("the file's crs is " + crs + "; only EPSG:4326 longitude/latitude is read");
    }
    JsonNode features = root.path("features");
    if (!features.isArray() || features.isEmpty()) {
      throw invalid("the FeatureCollection has no features (to remove a type, delete it)");
    }
    return features;
  }

  /** A key or name as text: strings as they are, integral numbers without a decimal point. */
  private static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    if (value.isNumber()) {
      double number = value.doubleValue();
      return number == Math.rint(number) && Math.abs(number) < 1e15
          ? Long.toString((long) number)
          : value.asText();
    }
    String text = value.asText();
    return text.isBlank() ? null : text;
  }

  private static String describe(TopologyValidationError error) {
    return error.getCoordinate() == null
        ? error.getMessage()
        : error.getMessage()
            + " at or near ("
            + rounded(error.getCoordinate().x)
            + ", "
            + rounded(error.getCoordinate().y)
            + ")";
  }

  /** Seven decimals of a degree, about a centimetre: where to look, without float noise. */
  private static String rounded(double degrees) {
    return BigDecimal.valueOf(degrees)
        .setScale(7, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static InvalidAreasException invalid(String problem) {
    return new InvalidAreasException(List.of(problem));
  }
}
