package dev.open311.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.api.CliIT.Run;
import dev.open311.api.server.Open311Server;
import dev.open311.api.server.ServerConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code requests update} on the database of a running server: the change is visible at once in
 * GET requests/{id} (with its note under extensions=true) and in servicerequestupdates.
 */
class RequestsCommandIT {

  static ServerConfig config;
  static Open311Server server;
  static String key;

  @BeforeAll
  static void start() {
    ExternalTestDatabase.reset();
    config = LocalServer.config();
    server = Open311Server.start(config);
    key = server.storage().apiKeys().create("requests-command-" + System.nanoTime());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void closingWithANoteShowsInTheRequestItsNotesAndTheUpdatesFeed() {
    String id = file();

    Run run = update(id, "--status", "closed", "--note", "Removed the chairs");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("request " + id + " is closed"), run.out());
    given().baseUri(base()).queryParam("extensions", "true").get("requests/" + id + ".json").then()
        .statusCode(200)
        .body("[0].status", equalTo("closed"))
        .body("[0].status_notes", equalTo("Removed the chairs"))
        .body("[0].extended_attributes.closed_datetime", not(nullValue()))
        .body("[0].notes.type", contains("opened", "closed"));
    given().baseUri(base()).queryParam("service_request_id", id).get("servicerequestupdates.xml").then()
        .statusCode(200)
        .body("service_request_updates.request_update.status", contains("open", "closed"))
        .body("service_request_updates.request_update[1].description", equalTo("Removed the chairs"));
  }

  @Test
  void aCommentKeepsTheStatus() {
    String id = file();

    Run run = update(id, "--note", "Crew scheduled for Tuesday");

    assertEquals(0, run.exitCode(), run.err());
    given().baseUri(base()).queryParam("service_request_id", id).get("servicerequestupdates.json").then()
        .body("status", contains("open", "open"))
        .body("description", contains("Request opened", "Crew scheduled for Tuesday"));
  }

  @Test
  void mistakesAreExplainedWithoutAStackTrace() {
    String id = file();

    Run nothing = update(id);
    Run badStatus = update(id, "--status", "fixed");
    Run unknown = update("no-such-request", "--status", "closed");

    assertEquals(2, nothing.exitCode());
    assertTrue(nothing.err().contains("give a new status, a note, or both"), nothing.err());
    assertEquals(2, badStatus.exitCode());
    assertTrue(badStatus.err().contains("open or closed"), badStatus.err());
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.err().contains("was not found"), unknown.err());
    assertTrue(!unknown.err().contains("at dev.open311"), unknown.err());
  }

  private static Run update(String... arguments) {
    List<String> args = new ArrayList<>(List.of("requests", "update"));
    args.addAll(List.of(arguments));
    String url = System.getenv("OPEN311_TEST_DB_URL");
    if (url == null || url.isBlank()) {
      args.addAll(List.of("--data-dir", config.database().dataDir().toString()));
    } else {
      args.addAll(
          List.of(
              "--db", url,
              "--db-user", String.valueOf(System.getenv("OPEN311_TEST_DB_USER")),
              "--db-password", String.valueOf(System.getenv("OPEN311_TEST_DB_PASSWORD"))));
    }
    return CliIT.run(args.toArray(String[]::new));
  }

  private static String base() {
    return server.baseUrl().toString();
  }

  private static String file() {
    return given()
        .baseUri(base())
        .formParam("api_key", key)
        .formParam("service_code", "SDW")
        .formParam("address_string", "100 W Randolph St")
        .post("requests.json")
        .then()
        .statusCode(200)
        .extract()
        .path("[0].service_request_id");
  }
}
