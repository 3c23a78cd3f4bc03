package dev.open311.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.open311.api.server.Open311Server;
import dev.open311.api.server.ServerConfig;
import org.junit.jupiter.api.Test;

/** Requests filed before a restart are still there after it (embedded data directory kept). */
class RestartIT {

  @Test
  void restartingTheServerKeepsEveryRequestFiledBefore() {
    ExternalTestDatabase.reset();
    ServerConfig config = LocalServer.config();
    String id;
    String key;
    try (Open311Server server = Open311Server.start(config)) {
      key = server.storage().apiKeys().create("restart-" + System.nanoTime());
      id =
          given()
              .baseUri(server.baseUrl().toString())
              .formParam("api_key", key)
              .formParam("service_code", "SGA")
              .formParam("address_string", "1 N State St")
              .formParam("attribute[WHERERAT][]", "ALLEY")
              .formParam("attribute[GARBALLY]", "Y")
              .formParam("description", "rats before restart")
              .post("requests.json")
              .then()
              .statusCode(200)
              .extract()
              .path("[0].service_request_id");
    }
    try (Open311Server server = Open311Server.start(config)) {
      given()
          .baseUri(server.baseUrl().toString())
          .get("requests/" + id + ".json")
          .then()
          .statusCode(200)
          .body("[0].service_request_id", equalTo(id))
          .body("[0].description", equalTo("rats before restart"));
      given()
          .baseUri(server.baseUrl().toString())
          .formParam("api_key", key)
          .formParam("service_code", "PHF")
          .formParam("lat", "41.88")
          .formParam("long", "-87.63")
          .formParam("attribute[WHEREIST]", "TRAFFIC")
          .post("requests.json")
          .then()
          .statusCode(200);
    }
  }
}
