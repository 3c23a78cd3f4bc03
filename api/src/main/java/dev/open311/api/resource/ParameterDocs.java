package dev.open311.api.resource;

/**
 * The OpenAPI descriptions of the query parameters that {@code GET requests} and the research
 * feed share, written once so that the two descriptions cannot drift apart.
 */
final class ParameterDocs {

  static final String JURISDICTION_ID = "optional while one jurisdiction is served";
  static final String SERVICE_CODE = "comma list";
  static final String STATUS = "open, closed or both (comma list)";
  static final String START_DATE = "W3C datetime, inclusive, on requested_datetime";
  static final String END_DATE = "W3C datetime, exclusive, on requested_datetime";
  static final String LAT = "WGS84 latitude of the center of a radius search (with long)";
  static final String LONG = "WGS84 longitude of the center of a radius search (with lat)";
  static final String RADIUS =
      "meters of great-circle distance from lat/long; default 1000, max 10000";
  static final String BBOX =
      "min_long,min_lat,max_long,max_lat (longitude first), edges included";
  static final String AREA_TYPE =
      "an area type such as ward, with area: one with areas loaded, or ward, community_area or"
          + " police_district (the Chicago import tags them); any other is a 400";
  static final String AREA = "comma list of area keys of area_type, e.g. 42";

  private ParameterDocs() {}
}
