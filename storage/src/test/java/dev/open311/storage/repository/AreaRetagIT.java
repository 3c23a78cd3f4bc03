package dev.open311.storage.repository;

import static dev.open311.storage.geo.GeoJson.stream;
import static dev.open311.storage.repository.TestAreas.CITY_HALL;
import static dev.open311.storage.repository.TestAreas.EAST;
import static dev.open311.storage.repository.TestAreas.NORTH_SOUTH;
import static dev.open311.storage.repository.TestAreas.NO_COORDINATES;
import static dev.open311.storage.repository.TestAreas.WARDS;
import static dev.open311.storage.repository.TestAreas.WEST_EAST;
import static dev.open311.storage.repository.TestAreas.file;
import static dev.open311.storage.repository.TestAreas.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.port.Areas;
import dev.open311.spec.port.Areas.RetagProgress;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import dev.open311.storage.TestDatabases;
import dev.open311.storage.mapping.CatalogNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Re-tagging: only changes written, tags from elsewhere kept, and the re-tag a server runs for what
 * it filed while another process loaded new boundaries.
 */
@ExtendWith(SharedStorage.class)
class AreaRetagIT {

  private final Storage storage;
  private final TestClock clock;
  private final Areas areas;
  private final Jdbi jdbi;

  AreaRetagIT(Storage storage, TestClock clock) {
    this.storage = storage;
    this.clock = clock;
    this.areas = storage.areas();
    this.jdbi = TestDatabases.jdbi(storage);
  }

  @BeforeEach
  void loadCatalog() {
    storage.catalog().load(TestCatalogs.springfield());
  }

  @Test
  void onlyTagsThatChangeAreWritten() throws IOException {
    file(storage.serviceRequests(), CITY_HALL);
    file(storage.serviceRequests(), EAST);
    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);

    assertEquals(0, areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE).retag().changedTags());
    assertEquals(
        4,
        areas.load(WARDS, stream(NORTH_SOUTH), RetagProgress.NONE).retag().changedTags(),
        "two tags removed, two added");
  }

  @Test
  void loadsAndDeletesOfBoundariesLeaveTheHarvestOrderAlone() throws IOException {
    String cityHall = file(storage.serviceRequests(), CITY_HALL);
    String before = changeXid(cityHall);

    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);
    assertEquals(1, tags(jdbi, cityHall).size(), "tagged by the load");
    assertEquals(before, changeXid(cityHall), "a load is no change a harvester sees again");

    assertTrue(areas.delete("ward"));
    assertEquals(List.of(), tags(jdbi, cityHall));
    assertEquals(before, changeXid(cityHall), "nor is a delete");

    jdbi.useHandle(
        h -> h.execute("update service_request set status = 'closed' where service_request_id = ?",
            cityHall));
    assertNotEquals(before, changeXid(cityHall), "other changes still move it");
  }

  private String changeXid(String serviceRequestId) {
    return jdbi.withHandle(
        h -> h.createQuery(
                "select change_xid::text from service_request where service_request_id = :id")
            .bind("id", serviceRequestId)
            .mapTo(String.class)
            .one());
  }

  @Test
  void tagsOfRequestsWithoutCoordinatesSurviveAReloadButNotADelete() throws IOException {
    String addressOnly = file(storage.serviceRequests(), NO_COORDINATES);
    jdbi.useHandle(
        h ->
            h.execute(
                "update service_request set areas = '{ward:5}' where service_request_id = ?",
                addressOnly));

    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);
    assertEquals(List.of("ward 5"), tags(jdbi, addressOnly), "an imported ward is kept");

    assertTrue(areas.delete("ward"));
    assertEquals(List.of(), tags(jdbi, addressOnly));
    assertFalse(areas.delete("ward"), "nothing left to delete");
  }

  @Test
  void retagRestoresTagsFromTheStoredBoundariesAndCanBeRerun() throws IOException {
    String cityHall = file(storage.serviceRequests(), CITY_HALL);
    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);
    jdbi.useHandle(h -> h.execute("update service_request set areas = null"));
    List<Double> fractions = new ArrayList<>();

    Areas.RetagReport report = areas.retag("ward", (requests, fraction) -> fractions.add(fraction));
    areas.retag(null, RetagProgress.NONE);

    assertEquals(1, report.tagged());
    assertEquals(List.of(1.0), fractions);
    assertEquals(List.of("ward 1"), tags(jdbi, cityHall));
    assertThrows(IllegalArgumentException.class, () -> areas.retag("beat", RetagProgress.NONE));
    assertThrows(IllegalArgumentException.class, () -> areas.delete("Bad Type"));
  }

  @Test
  void aLocatorReadsTheAreasWhenFirstUsedNotWhenStarted() throws IOException {
    try (RefreshingAreaLocator locator = RefreshingAreaLocator.start(jdbi)) {
      // Read at the start, the index would hold no ward until the next tick, 2 s later.
      areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);

      assertEquals(
          List.of("ward 1"),
          locator.locate(CITY_HALL.latitude(), CITY_HALL.longitude()).stream()
              .map(area -> area.areaType() + " " + area.areaKey())
              .toList());
    }
  }

  @Test
  void aServerHoldingOldBoundariesReTagsWhatItFiledOnceItSeesTheNewOnesAndNothingImported()
      throws IOException {
    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);
    // A second process: its own index, as a server running beside the CLI has.
    try (RefreshingAreaLocator server = RefreshingAreaLocator.unscheduled(jdbi)) {
      PostgresServiceRequests serverRequests = filingThrough(server);

      areas.load(WARDS, stream(NORTH_SOUTH), RetagProgress.NONE);
      String filedMeanwhile = file(serverRequests, CITY_HALL);
      assertEquals(
          List.of("ward 1"), tags(jdbi, filedMeanwhile), "tagged with the boundaries it held");
      // As an import writes a portal row in the seconds between the load and the server's
      // re-tag: its channel and the file's ward.
      String importedMeanwhile = file(serverRequests, CITY_HALL);
      jdbi.useHandle(
          h ->
              h.execute(
                  "update service_request set channel = 'phone', areas = '{ward:42}'"
                      + " where service_request_id = ?",
                  importedMeanwhile));

      assertTrue(server.refresh());
      assertTrue(server.fixUp());

      assertEquals(List.of("ward 7"), tags(jdbi, filedMeanwhile));
      assertEquals(List.of("ward 42"), tags(jdbi, importedMeanwhile), "the file's ward stays");
      assertEquals(List.of("ward 7"), tags(jdbi, file(serverRequests, CITY_HALL)), "filed now");
    }
  }

  @Test
  void aServerThatSawLoadsBeforeItServesReTagsWhenItStartsWatchingNotATickLater()
      throws IOException {
    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);
    try (RefreshingAreaLocator server = RefreshingAreaLocator.unscheduled(jdbi)) {
      areas.load(WARDS, stream(NORTH_SOUTH), RetagProgress.NONE);
      String filedMeanwhile = file(filingThrough(server), CITY_HALL);
      assertTrue(server.refresh());

      // As a server that loaded the demo areas on an empty database: the re-tag is done when
      // watch returns, not in the background two seconds into serving.
      server.watch();

      assertEquals(List.of("ward 7"), tags(jdbi, filedMeanwhile));
    }
  }

  /** Requests filed by a server process that tags them with {@code server}'s index. */
  private PostgresServiceRequests filingThrough(RefreshingAreaLocator server) {
    return new PostgresServiceRequests(
        jdbi, TestDatabases.dataSource(storage), clock, server, CatalogNames.NONE);
  }
}
