/**
 * Named areas (wards, community areas ...) with JTS: GeoJSON boundaries, point-in-polygon lookup.
 * May import spec.* and JTS; knows no HTTP.
 */
package dev.open311.storage.geo;
