package dev.open311.storage.geo;

import org.locationtech.jts.geom.Geometry;

/**
 * A named polygon: a ward, a community area ...
 *
 * @param areaType e.g. {@code ward}
 * @param areaKey unique within the type, e.g. {@code 42}
 * @param name e.g. {@code Ward 42}, or null
 * @param geometry a valid Polygon or MultiPolygon in EPSG:4326, x = longitude, y = latitude
 */
public record Area(String areaType, String areaKey, String name, Geometry geometry) {}
