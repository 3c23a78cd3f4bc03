package dev.open311.spec.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** requests.geojson: RFC 7946 axis order, null geometry without coordinates, golden file. */
class FeatureCollectionTest {

  private static final ObjectMapper JSON = Open311Mappers.json();

  @Test
  void extendedRequestsMatchTheGoldenFile() throws IOException {
    FeatureCollection collection = FeatureCollection.of(Documents.extendedServiceRequests());
    String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(collection) + "\n";
    Path path = Path.of("src/test/resources/golden/extended_service_requests.geojson");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(path, json);
      return;
    }
    try (InputStream in =
        getClass().getResourceAsStream("/golden/extended_service_requests.geojson")) {
      assertNotNull(in, "missing golden file (run with -Dgolden.update=true)");
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), json);
    }
  }

  @Test
  void pointsAreLongitudeThenLatitudeAndPropertiesAreTheRequest() throws IOException {
    JsonNode tree = JSON.readTree(JSON.writeValueAsString(FeatureCollection.of(Documents.serviceRequests())));

    assertEquals("FeatureCollection", tree.get("type").asText());
    JsonNode feature = tree.get("features").get(0);
    assertEquals("Feature", feature.get("type").asText());
    assertEquals("24-000123", feature.get("id").asText());
    assertEquals("Point", feature.get("geometry").get("type").asText());
    assertEquals(-87.623177, feature.get("geometry").get("coordinates").get(0).asDouble());
    assertEquals(41.881832, feature.get("geometry").get("coordinates").get(1).asDouble());
    assertEquals("PHF", feature.get("properties").get("service_code").asText());
    assertTrue(feature.get("properties").has("lat"));
  }

  @Test
  void aRequestWithoutCoordinatesHasANullGeometry() throws IOException {
    JsonNode tree = JSON.readTree(JSON.writeValueAsString(FeatureCollection.of(Documents.extendedServiceRequests())));

    JsonNode second = tree.get("features").get(1);
    assertTrue(second.has("geometry"));
    assertTrue(second.get("geometry").isNull());
    assertTrue(second.get("properties").has("notes"));
  }

  @Test
  void onlyRequestDocumentsBecomeFeatures() {
    assertThrows(
        IllegalArgumentException.class,
        () -> FeatureCollection.of(new ServiceList(Documents.services().items())));
    assertEquals(0, FeatureCollection.of(new ServiceRequestList(List.of())).features().size());
  }
}
