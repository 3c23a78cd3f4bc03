package dev.open311.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.api.server.Open311Server;
import dev.open311.api.server.ServerConfig;
import dev.open311.spec.port.Areas.AreaFile;
import dev.open311.spec.port.Areas.AreaTypeSummary;
import dev.open311.spec.port.Areas.RetagProgress;
import dev.open311.storage.DatabaseConfig;
import dev.open311.storage.Storage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Areas end to end: the demo boundaries on first start, the {@code areas} commands attached to a
 * running server's database, and a running server tagging requests with areas another process
 * loaded.
 */
class AreasIT {

  /** Two halves of Chicago's extent, split at longitude -87.73. */
  static final String ZONES =
      """
      {"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"zone":"west"},"geometry":{"type":"Polygon",
       "coordinates":[[[-87.94,41.64],[-87.73,41.64],[-87.73,42.02],[-87.94,42.02],[-87.94,41.64]]]}},
      {"type":"Feature","properties":{"zone":"east"},"geometry":{"type":"Polygon",
       "coordinates":[[[-87.73,41.64],[-87.52,41.64],[-87.52,42.02],[-87.73,42.02],[-87.73,41.64]]]}}
      ]}
      """;

  static final String BAD =
      """
      {"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"zone":"a"},"geometry":{"type":"Point","coordinates":[-87.6,41.8]}},
      {"type":"Feature","properties":{"zone":"b"},"geometry":{"type":"Polygon",
       "coordinates":[[[-87.9,41.7],[-87.8,41.7],[-87.8,91.8],[-87.9,41.7]]]}},
      {"type":"Feature","properties":{"zone":"b"},"geometry":{"type":"Polygon",
       "coordinates":[[[-87.9,41.7],[-87.8,41.8],[-87.8,41.7],[-87.9,41.8],[-87.9,41.7]]]}}
      ]}
      """;

  @TempDir static Path files;
  static ServerConfig config;
  static Open311Server server;

  @BeforeAll
  static void start() {
    ExternalTestDatabase.reset();
    config = LocalServer.config();
    server = Open311Server.start(config);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theDemoBoundariesAreLoadedOnFirstStart() {
    CliIT.Run list = run("areas", "list");

    assertEquals(0, list.exitCode(), list.err());
    assertTrue(list.out().matches("(?s).*\ncommunity_area +77 .*"), list.out());
    assertTrue(list.out().matches("(?s).*\npolice_district +25 .*"), list.out());
    assertTrue(list.out().matches("(?s).*\nward +50 .*"), list.out());
  }

  @Test
  void areasLoadListRetagAndDeleteAType() throws Exception {
    Path zones = files.resolve("zones.geojson");
    Files.writeString(zones, ZONES);

    CliIT.Run load =
        run("areas", "load", "--type", "cli_zone", "--key-property", "zone", zones.toString());
    assertEquals(0, load.exitCode(), load.err());
    assertTrue(load.out().startsWith("loaded 2 cli_zone area(s) from "), load.out());
    assertTrue(run("areas", "list").out().contains("\ncli_zone "), "listed");

    CliIT.Run retag = run("areas", "retag", "--type", "cli_zone");
    assertEquals(0, retag.exitCode(), retag.err());
    assertTrue(retag.out().startsWith("tagged "), retag.out());

    assertEquals(0, run("areas", "delete", "--type", "cli_zone").exitCode());
    assertTrue(!run("areas", "list").out().contains("cli_zone"));
    assertEquals(1, run("areas", "delete", "--type", "cli_zone").exitCode(), "already gone");
  }

  @Test
  void theAreaTypeFilterTakesTheTypesLoadedAndTheImportsTypes() throws Exception {
    // Chicago's import tags ward, community_area and police_district from its own columns.
    assertAreaTypeRefused("requests.json", "filter_zone");
    assertAreaTypeRefused("requests.xml", "filter_zone");
    assertAreaTypeRefused("export/requests.ndjson", "filter_zone");
    assertAreaTypeRefused("export/requests.csv", "filter_zone");
    Path zones = files.resolve("filter-zones.geojson");
    Files.writeString(zones, ZONES);

    assertEquals(0, run("areas", "load", "--type", "filter_zone", "--key-property", "zone",
        zones.toString()).exitCode());
    for (String path : new String[] {"requests.json", "requests.xml", "export/requests.csv"}) {
      given().baseUri(server.baseUrl().toString()).queryParam("area_type", "filter_zone")
          .queryParam("area", "east").get(path).then().statusCode(200);
    }
    CliIT.Run export = run("export", "requests", "--area-type", "filter_zone", "--area", "east");
    assertEquals(0, export.exitCode(), export.err());

    assertEquals(0, run("areas", "delete", "--type", "filter_zone").exitCode());
    assertAreaTypeRefused("requests.json", "filter_zone");
    CliIT.Run refused = run("export", "requests", "--area-type", "filter_zone", "--area", "east");
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("area_type filter_zone is not known here"), refused.err());
  }

  /** A 400 in the path's error format that names the unknown type and the known ones. */
  private static void assertAreaTypeRefused(String path, String areaType) {
    String body =
        given().baseUri(server.baseUrl().toString()).queryParam("area_type", areaType)
            .queryParam("area", "east").get(path)
            .then().statusCode(400)
            .contentType(path.endsWith(".json") || path.endsWith(".ndjson")
                ? "application/json; charset=utf-8" : "text/xml; charset=utf-8")
            .extract().asString();
    assertTrue(body.contains("area_type " + areaType + " is not known here; it takes"
        + " community_area, police_district, ward"), body);
  }

  @Test
  void everyAreasCommandHasHelp() {
    for (String command : new String[] {"load", "list", "retag", "delete"}) {
      CliIT.Run help = CliIT.run("areas", command, "--help");
      assertEquals(0, help.exitCode(), command);
      assertTrue(help.out().contains("Usage: open311-server areas " + command), help.out());
    }
  }

  @Test
  void aBadFileIsRefusedWithEveryProblemListedAndExitCode2() throws Exception {
    Path bad = files.resolve("bad.geojson");
    Files.writeString(bad, BAD);

    CliIT.Run load =
        run("areas", "load", "--type", "ward", "--key-property", "zone", bad.toString());

    assertEquals(2, load.exitCode(), load.out());
    assertTrue(load.err().contains("cannot be loaded; nothing was changed"), load.err());
    assertTrue(load.err().contains("features[0] (zone a): its geometry is a Point"), load.err());
    assertTrue(
        load.err().contains("features[1] (zone b): position [-87.8, 91.8] is out of range"),
        load.err());
    assertTrue(
        load.err().contains("features[2] (zone b) repeats the key of features[1]"), load.err());
    assertTrue(
        load.err().contains("features[2] (zone b) is not a valid polygon: Self-intersection"),
        load.err());
    assertTrue(
        run("areas", "list").out().contains("\nward                         50 "),
        "wards unchanged");
    CliIT.Run badType =
        run("areas", "load", "--type", "Ward!", "--key-property", "zone", bad.toString());
    assertEquals(2, badType.exitCode());
    assertTrue(badType.err().contains("area type Ward! is not valid"), badType.err());
    CliIT.Run missing =
        run("areas", "load", "--type", "ward", "--key-property", "ward", "no-such.geojson");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("cannot read the file no-such.geojson"), missing.err());
  }

  @Test
  void aRequestPostedAfterAnotherProcessLoadedAreasIsTaggedOnceTheServerRefreshed()
      throws Exception {
    try (Storage cli = Storage.open(config.database())) {
      cli.areas()
          .load(
              new AreaFile("zone", "zone", null, false),
              new ByteArrayInputStream(ZONES.getBytes(StandardCharsets.UTF_8)),
              RetagProgress.NONE);
    }
    String key = server.storage().apiKeys().create("areas-" + System.nanoTime());

    post(key, "41.8837", "-87.6278"); // at once: the server may still hold the old areas
    waitUntil(() -> tagged("zone") == 1, Duration.ofSeconds(20));
    post(key, "41.95", "-87.80"); // the server's index now has the zones

    assertEquals(2, tagged("zone"), "tagged as it was filed");
  }

  private static void post(String key, String latitude, String longitude) {
    given()
        .baseUri(server.baseUrl().toString())
        .formParam("api_key", key)
        .formParam("service_code", "PHF")
        .formParam("lat", latitude)
        .formParam("long", longitude)
        .formParam("attribute[WHEREIST]", "TRAFFIC")
        .post("requests.json")
        .then()
        .statusCode(200);
  }

  private static long tagged(String areaType) {
    Map<String, Long> tagged =
        server.storage().areas().list().stream()
            .collect(Collectors.toMap(AreaTypeSummary::areaType, AreaTypeSummary::taggedRequests));
    return tagged.getOrDefault(areaType, 0L);
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not within " + timeout);
      Thread.sleep(100);
    }
  }

  /** The command line, attached to the running server's database. */
  private static CliIT.Run run(String... args) {
    DatabaseConfig database = config.database();
    String[] db =
        database.isEmbedded()
            ? new String[] {"--data-dir", database.dataDir().toString()}
            : new String[] {
              "--db", database.jdbcUrl(),
              "--db-user", String.valueOf(database.user()),
              "--db-password", String.valueOf(database.password())
            };
    String[] all = Arrays.copyOf(args, args.length + db.length);
    System.arraycopy(db, 0, all, args.length, db.length);
    return CliIT.run(all);
  }
}
