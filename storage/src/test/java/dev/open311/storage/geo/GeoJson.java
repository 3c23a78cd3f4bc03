package dev.open311.storage.geo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** GeoJSON text for tests: features written by hand, rectangles by their corners. */
public final class GeoJson {

  private GeoJson() {}

  public static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  /** A feature with one property, {@code ward}, and a geometry given as GeoJSON text. */
  public static String feature(String ward, String geometry) {
    return "{\"type\":\"Feature\",\"properties\":{\"ward\":"
        + ward
        + ",\"name\":\"Ward "
        + ward.replace("\"", "")
        + "\"},\"geometry\":"
        + geometry
        + "}";
  }

  public static String polygon(String... rings) {
    return "{\"type\":\"Polygon\",\"coordinates\":[" + String.join(",", rings) + "]}";
  }

  public static String multiPolygon(String... polygons) {
    return "{\"type\":\"MultiPolygon\",\"coordinates\":["
        + Arrays.stream(polygons).map(p -> "[" + p + "]").collect(Collectors.joining(","))
        + "]}";
  }

  /** A closed rectangular ring, counterclockwise, from its west, south, east and north edges. */
  public static String rectangle(double west, double south, double east, double north) {
    return ring(west, south, east, south, east, north, west, north, west, south);
  }

  /** A ring from longitude, latitude pairs, written as given (closed or not). */
  public static String ring(double... longLat) {
    StringBuilder ring = new StringBuilder("[");
    for (int i = 0; i < longLat.length; i += 2) {
      ring.append(i == 0 ? "" : ",")
          .append(String.format(Locale.ROOT, "[%s,%s]", longLat[i], longLat[i + 1]));
    }
    return ring.append("]").toString();
  }

  public static InputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
