package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * requests.geojson (issue 3): GET requests as an RFC 7946 FeatureCollection of Point features at
 * [long, lat], properties the request's fields, a null geometry without coordinates, the same
 * parameters as requests.json, Content-Type application/geo+json, errors as the JSON error list.
 * Skipped when not offered.
 */
class GeoJsonIT {

  @Test
  void aFiledRequestIsAPointFeatureAtLongThenLat() {
    Support.assumeGeoJson();
    String id = Support.filedAtThePoint();

    Response r = Support.geoJson(Params.of("service_request_id", id));

    assertEquals(200, r.statusCode(), () -> Api.describe(r));
    assertTrue(r.contentType().startsWith("application/geo+json"), r.contentType());
    List<Map<String, Object>> features =
        r.jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.DOUBLE))
            .getList("features");
    assertEquals(1, features.size());
    Map<String, Object> feature = features.get(0);
    assertEquals("Feature", feature.get("type"));
    Map<?, ?> geometry = (Map<?, ?>) feature.get("geometry");
    assertEquals("Point", geometry.get("type"));
    List<?> coordinates = (List<?>) geometry.get("coordinates");
    assertEquals(Geo.lon(), ((Number) coordinates.get(0)).doubleValue(), 1e-6, "longitude first");
    assertEquals(Geo.lat(), ((Number) coordinates.get(1)).doubleValue(), 1e-6);
    Map<?, ?> properties = (Map<?, ?>) feature.get("properties");
    assertEquals(id, properties.get("service_request_id"));
    assertTrue(properties.containsKey("requested_datetime"), properties::toString);
  }

  @Test
  void aRequestWithoutCoordinatesHasANullGeometry() {
    Support.assumeGeoJson();
    String id = Api.file(Format.JSON, ValidPost.withAddressString(ValidPost.form(Catalog.realtime())));

    Response r = Support.geoJson(Params.of("service_request_id", id));

    assertEquals(200, r.statusCode(), () -> Api.describe(r));
    assertTrue(r.jsonPath().getMap("features[0]").containsKey("geometry"));
    assertNull(r.jsonPath().get("features[0].geometry"));
  }

  @Test
  void itTakesTheParametersOfRequestsJson() {
    Support.assumeGeoJson();
    Support.assumePaging();
    Support.filedAtThePoint();

    Response paged = Support.geoJson(Params.of("page_size", "1"));
    assertEquals(1, paged.jsonPath().getList("features").size(), () -> Api.describe(paged));

    Support.assumeSpatial();
    Response near =
        Support.geoJson(Params.of("lat", Target.get().lat, "long", Target.get().lon, "radius", "50"));
    List<String> ids = near.jsonPath().getList("features.properties.service_request_id");
    assertTrue(ids.contains(Support.filedAtThePoint()), ids::toString);
  }

  @Test
  void extensionsAreProperties() {
    Support.assumeGeoJson();
    Support.assumeExtensions();

    Response r =
        Support.geoJson(Params.of("service_request_id", Support.filedAtThePoint(), "extensions", "true"));

    assertTrue(r.jsonPath().getMap("features[0].properties").containsKey("notes"), () -> Api.describe(r));
  }

  @Test
  void errorsAreTheJsonErrorList() {
    Support.assumeGeoJson();
    Support.assumeSpatial();

    Checks.error(Format.JSON, Support.geoJson(Params.of("lat", Target.get().lat)), 400);
    Checks.error(Format.JSON, Support.geoJson(Params.of("jurisdiction_id", Markers.unique("nosuch"))), 404);
  }
}
