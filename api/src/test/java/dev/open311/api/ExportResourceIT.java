package dev.open311.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET export/requests.{csv,ndjson,geojson}: streamed, complete (as many rows as the database
 * holds), filtered, and never with the personal data a resident gave when filing.
 */
class ExportResourceIT {

  private static final int GENERATED = 3_000;
  private static final String EMAIL = "resident.private@example.org";
  private static final ObjectMapper JSON = new ObjectMapper();

  static LocalServer server;
  static long total;
  static long open;

  @BeforeAll
  static void start() {
    ExternalTestDatabase.reset();
    server = LocalServer.start();
    RestAssured.baseURI = server.baseUrl();
    String key = server.createApiKey("export");
    given().formParam("api_key", key).formParam("service_code", "SGA")
        .formParam("lat", "41.8837").formParam("long", "-87.6278")
        .formParam("attribute[WHERERAT][]", "ALLEY").formParam("attribute[GARBALLY]", "Y")
        .formParam("email", EMAIL).formParam("first_name", "Private").formParam("phone", "312-555-0199")
        .post("requests.json").then().statusCode(200);
    server.server().storage().bulk().generator(Clock.systemUTC())
        .generate("cityofchicago.org", GENERATED, 5L, 1_000, 2, done -> {});
    // Generated requests carry no area tags until a re-tag, as after `generate`.
    server.server().storage().areas().retag(null, (requests, fraction) -> {});
    total = GENERATED + 1;
    open = server.server().storage().serviceRequests().find(
        new dev.open311.spec.query.ServiceRequestQuery("cityofchicago.org", java.util.List.of(),
            java.util.List.of(), java.util.Set.of(dev.open311.spec.model.Status.OPEN), null, null,
            100_000)).size();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static long lines(Response response) throws IOException {
    long count = 0;
    try (InputStream in = response.asInputStream();
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        assertFalse(line.contains(EMAIL) || line.contains("555-0199") || line.contains("Private"), line);
        count++;
      }
    }
    return count;
  }

  @Test
  void csvHasAHeaderAndEveryRequestOnceWithoutPersonalData() throws IOException {
    Response response = given().get("export/requests.csv");
    response.then().statusCode(200).contentType("text/csv; charset=utf-8");
    assertEquals(total + 1, lines(response));
  }

  @Test
  void ndjsonIsOneObjectPerRequestAndFiltersApply() throws IOException {
    Response all = given().get("export/requests.ndjson");
    all.then().statusCode(200).contentType("application/x-ndjson; charset=utf-8");
    assertEquals(total, lines(all));

    Response filtered = given().queryParam("status", "open").get("export/requests.ndjson");
    String body = filtered.asString();
    String[] rows = body.strip().split("\n");
    assertEquals(open, rows.length);
    for (String row : rows) {
      JsonNode node = JSON.readTree(row);
      assertEquals("open", node.get("status").asText());
      assertTrue(node.has("ward") && node.has("channel") && !node.has("email"), row);
    }
  }

  @Test
  void geojsonIsOneFeatureCollectionWithLongLatPoints() throws IOException {
    Response response = given().queryParam("service_code", "SGA").get("export/requests.geojson");
    response.then().statusCode(200).contentType("application/geo+json; charset=utf-8");
    String body = response.asString();
    assertFalse(body.contains(EMAIL));
    JsonNode collection = JSON.readTree(body);
    assertEquals("FeatureCollection", collection.get("type").asText());
    JsonNode first = collection.get("features").get(0);
    assertEquals("1", first.get("id").asText(), "the filed request comes first, by key");
    assertEquals(-87.6278, first.at("/geometry/coordinates/0").asDouble(), 1e-9);
    assertEquals(41.8837, first.at("/geometry/coordinates/1").asDouble(), 1e-9);
    collection.get("features").forEach(
        f -> assertEquals("SGA", f.at("/properties/service_code").asText()));
  }

  /** Every id GET requests.json pages through for these filters (paged calls have no window). */
  private static java.util.Set<String> searched(java.util.Map<String, String> filters) {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (int page = 1; ; page++) {
      java.util.List<String> found = given().queryParams(filters).queryParam("page", page)
          .queryParam("page_size", 500).get("requests.json")
          .then().statusCode(200).extract().jsonPath().getList("service_request_id");
      if (found.isEmpty()) {
        return ids;
      }
      ids.addAll(found);
    }
  }

  private static java.util.Set<String> exported(java.util.Map<String, String> filters)
      throws IOException {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (String row : given().queryParams(filters).get("export/requests.ndjson")
        .then().statusCode(200).extract().asString().strip().split("\n")) {
      if (!row.isEmpty()) {
        ids.add(JSON.readTree(row).get("service_request_id").asText());
      }
    }
    return ids;
  }

  @Test
  void spatialAreaAndUpdateFiltersSelectWhatGetRequestsSelects() throws IOException {
    String ward = given().queryParam("extensions", "true").get("requests/1.json").then()
        .statusCode(200).extract().jsonPath().getString("[0].extended_attributes.ward");
    String updatedBefore = given().get("requests/1.json").then().extract().jsonPath()
        .getString("[0].updated_datetime");
    for (java.util.Map<String, String> filters : java.util.List.of(
        java.util.Map.of("lat", "41.8837", "long", "-87.6278", "radius", "3000"),
        java.util.Map.of("bbox", "-87.70,41.85,-87.60,41.92"),
        java.util.Map.of("area_type", "ward", "area", ward + ",1,2"),
        java.util.Map.of("area_type", "ward", "area", ward, "status", "open",
            "bbox", "-87.70,41.85,-87.60,41.92", "updated_before", updatedBefore))) {
      java.util.Set<String> expected = searched(filters);
      assertTrue(!expected.isEmpty() && expected.size() < total, filters + ": " + expected.size());
      assertEquals(expected, exported(filters), filters.toString());
    }
  }

  @Test
  void badFiltersAreOpen311ErrorsInTheFeedsErrorFormat() {
    given().queryParam("start_date", "yesterday").get("export/requests.csv").then()
        .statusCode(400).contentType("text/xml; charset=utf-8")
        .body(containsString("start_date yesterday is not a W3C datetime"));
    given().queryParam("status", "pending").get("export/requests.ndjson").then()
        .statusCode(400).contentType("application/json; charset=utf-8")
        .body("[0].code", org.hamcrest.Matchers.equalTo(400));
    given().queryParam("start_date", "2024-02-01").queryParam("end_date", "2024-01-01")
        .get("export/requests.geojson").then().statusCode(400);
    given().queryParam("bbox", "-87.5,41.9,-87.7,42.0").get("export/requests.csv").then()
        .statusCode(400).body(containsString("min_long must not be greater than max_long"));
    given().queryParam("lat", "41.9").get("export/requests.geojson").then()
        .statusCode(400).body("[0].description", org.hamcrest.Matchers.containsString(
            "lat and long must be given together"));
    given().queryParam("area", "42").get("export/requests.ndjson").then()
        .statusCode(400).body("[0].description", org.hamcrest.Matchers.containsString(
            "area needs area_type"));
    given().queryParam("updated_after", "2024-02-01").queryParam("updated_before", "2024-01-01")
        .get("export/requests.csv").then().statusCode(400);
    given().queryParam("jurisdiction_id", "nowhere.example").get("export/requests.csv").then()
        .statusCode(404);
    given().get("export/requests.json").then().statusCode(404)
        .contentType("application/json; charset=utf-8")
        .body("[0].description", org.hamcrest.Matchers.containsString(".csv, .ndjson or .geojson"));
    // A suffix no path serves, or none, is a 404 that names the path's own formats.
    given().get("export/requests.txt").then().statusCode(404)
        .body(containsString("format txt is not served: use .csv, .ndjson or .geojson"));
    given().get("export/requests").then().statusCode(404)
        .body(containsString("add a format to the path: .csv, .ndjson or .geojson"));
    given().get("requests.yaml").then().statusCode(404)
        .body(containsString("format yaml is not served: use .xml, .json or .geojson"));
    given().get("services.yaml").then().statusCode(404)
        .body(containsString("format yaml is not served: use .xml or .json"));
  }
}
