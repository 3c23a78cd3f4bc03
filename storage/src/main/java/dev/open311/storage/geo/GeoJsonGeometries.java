package dev.open311.storage.geo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * GeoJSON (RFC 7946) Polygon and MultiPolygon geometries to JTS. Positions are [longitude,
 * latitude] in EPSG:4326; a third value (altitude) is ignored. Ring orientation is not checked: the
 * RFC asks writers for it but tells readers not to reject the other one.
 */
final class GeoJsonGeometries {

  static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  /** Why a geometry cannot be read; the first reason only, one per feature is enough. */
  static final class BadGeometryException extends Exception {
    private static final long serialVersionUID = 1L;

    BadGeometryException(String message) {
      super(message);
    }
  }

  private GeoJsonGeometries() {}

  /** The Polygon or MultiPolygon a GeoJSON geometry object describes, not yet validated. */
  static Geometry polygonal(JsonNode geometry) throws BadGeometryException {
    if (geometry == null || geometry.isNull()) {
      throw new BadGeometryException("it has no geometry");
    }
    String type = geometry.path("type").asText("");
    JsonNode coordinates = geometry.path("coordinates");
    switch (type) {
      case "Polygon":
        return polygon(coordinates);
      case "MultiPolygon":
        if (!coordinates.isArray() || coordinates.isEmpty()) {
          throw new BadGeometryException("its MultiPolygon has no polygons");
        }
        Polygon[] polygons = new Polygon[coordinates.size()];
        for (int i = 0; i < polygons.length; i++) {
          polygons[i] = polygon(coordinates.get(i));
        }
        return FACTORY.createMultiPolygon(polygons);
      default:
        throw new BadGeometryException(
            "its geometry is "
                + (type.isEmpty() ? "of no type" : "a " + type)
                + ", not a Polygon or MultiPolygon");
    }
  }

  private static Polygon polygon(JsonNode rings) throws BadGeometryException {
    if (!rings.isArray() || rings.isEmpty()) {
      throw new BadGeometryException("a polygon has no rings");
    }
    LinearRing shell = ring(rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 0; i < holes.length; i++) {
      holes[i] = ring(rings.get(i + 1));
    }
    return FACTORY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode positions) throws BadGeometryException {
    if (!positions.isArray()) {
      throw new BadGeometryException("a ring is not an array of positions");
    }
    Coordinate[] coordinates = new Coordinate[positions.size()];
    for (int i = 0; i < coordinates.length; i++) {
      coordinates[i] = position(positions.get(i));
    }
    try {
      return FACTORY.createLinearRing(coordinates);
    } catch (IllegalArgumentException e) {
      // "Points of LinearRing do not form a closed linestring", "Invalid number of points ..."
      throw new BadGeometryException("a ring is not valid: " + e.getMessage());
    }
  }

  private static Coordinate position(JsonNode position) throws BadGeometryException {
    if (!position.isArray()
        || position.size() < 2
        || !position.get(0).isNumber()
        || !position.get(1).isNumber()) {
      throw new BadGeometryException(
          "position " + position + " is not [longitude, latitude] in numbers");
    }
    double longitude = position.get(0).doubleValue();
    double latitude = position.get(1).doubleValue();
    if (!(longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90)) {
      throw new BadGeometryException(
          String.format(
              Locale.ROOT,
              "position [%s, %s] is out of range: longitude must be within -180..180 and"
                  + " latitude within -90..90 (EPSG:4326, longitude first)",
              position.get(0),
              position.get(1)));
    }
    return new Coordinate(longitude, latitude);
  }
}
