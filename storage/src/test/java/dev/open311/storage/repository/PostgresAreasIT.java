package dev.open311.storage.repository;

import static dev.open311.storage.geo.GeoJson.collection;
import static dev.open311.storage.geo.GeoJson.feature;
import static dev.open311.storage.geo.GeoJson.polygon;
import static dev.open311.storage.geo.GeoJson.rectangle;
import static dev.open311.storage.geo.GeoJson.stream;
import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.model.Location;
import dev.open311.spec.model.Requester;
import dev.open311.spec.port.Areas;
import dev.open311.spec.port.Areas.AreaFile;
import dev.open311.spec.port.Areas.AreaTypeSummary;
import dev.open311.spec.port.Areas.InvalidAreasException;
import dev.open311.spec.port.Areas.LoadReport;
import dev.open311.spec.port.Areas.RetagProgress;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import dev.open311.storage.TestDatabases;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Loading, replacing and deleting area types, and the tags they give requests, on PostgreSQL. */
@ExtendWith(SharedStorage.class)
class PostgresAreasIT {

  static final AreaFile WARDS = new AreaFile("ward", "ward", "name", false);

  /** West and east halves of a box around the Loop; City Hall (-87.632) is in the west one. */
  static final String WEST_EAST =
      collection(
          feature("1", polygon(rectangle(-87.70, 41.85, -87.63, 41.92))),
          feature("2", polygon(rectangle(-87.63, 41.85, -87.56, 41.92))));

  /** The same box split north and south; City Hall (41.8837) is in the north one, 7. */
  static final String NORTH_SOUTH =
      collection(
          feature("7", polygon(rectangle(-87.70, 41.88, -87.56, 41.92))),
          feature("8", polygon(rectangle(-87.70, 41.85, -87.56, 41.88))));

  static final Location EAST = new Location(41.90, -87.60, null, null);
  static final Location FAR_AWAY = new Location(40.0, -80.0, null, null);
  static final Location NO_COORDINATES = new Location(null, null, "1 Main St", null);

  private final Storage storage;
  private final TestClock clock;
  private final Areas areas;
  private final Jdbi jdbi;

  PostgresAreasIT(Storage storage, TestClock clock) {
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
  void loadingATypeTagsTheRequestsFiledBeforeAndAfter() throws IOException {
    String cityHall = file(TestRequests.CITY_HALL);
    String east = file(EAST);
    String away = file(FAR_AWAY);

    LoadReport report = areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);

    assertEquals(2, report.areas());
    assertEquals(3, report.retag().requests(), "requests with coordinates");
    assertEquals(2, report.retag().tagged());
    assertEquals(List.of("ward 1"), tags(cityHall));
    assertEquals(List.of("ward 2"), tags(east));
    assertEquals(List.of(), tags(away));
    assertEquals(List.of("ward 2"), tags(file(EAST)), "filed after the load, in the same process");
  }

  @Test
  void reloadingATypeReplacesItsAreasAndTagsAndLeavesOtherTypesAlone() throws IOException {
    String cityHall = file(TestRequests.CITY_HALL);
    areas.load(
        new AreaFile("police_district", "ward", null, false),
        stream(WEST_EAST),
        RetagProgress.NONE);
    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);

    areas.load(WARDS, stream(NORTH_SOUTH), RetagProgress.NONE);

    assertEquals(List.of("police_district 1", "ward 7"), tags(cityHall));
    assertEquals(
        List.of("1", "2", "7", "8"),
        jdbi.withHandle(
            h ->
                h.createQuery("select area_key from area order by area_key")
                    .mapTo(String.class)
                    .list()));
  }

  @Test
  void onlyTagsThatChangeAreWritten() throws IOException {
    file(TestRequests.CITY_HALL);
    file(EAST);
    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);

    assertEquals(0, areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE).retag().changedTags());
    assertEquals(
        4,
        areas.load(WARDS, stream(NORTH_SOUTH), RetagProgress.NONE).retag().changedTags(),
        "two tags removed, two added");
  }

  @Test
  void deletingARequestDeletesItsTags() throws IOException {
    String cityHall = file(TestRequests.CITY_HALL);
    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);

    jdbi.useHandle(
        h -> h.execute("delete from service_request where service_request_id = ?", cityHall));

    long tags =
        jdbi.withHandle(
            h -> h.createQuery("select count(*) from service_request_area").mapTo(Long.class).one());
    assertEquals(0, tags);
  }

  @Test
  void whileALoadRunsOtherReadersSeeTheOldAreasAndTagsOnly() throws IOException {
    String cityHall = file(TestRequests.CITY_HALL);
    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);
    List<List<String>> seenDuringLoad = new ArrayList<>();

    // The progress callback runs inside the load's transaction, after its writes; the reader
    // runs on another thread, as Jdbi would hand this thread the load's own connection.
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      areas.load(
          WARDS,
          stream(NORTH_SOUTH),
          (requests, fraction) -> {
            try {
              seenDuringLoad.add(reader.submit(() -> tags(cityHall)).get());
              seenDuringLoad.add(
                  reader
                      .submit(
                          () ->
                              jdbi.withHandle(
                                  h ->
                                      h.createQuery("select area_key from area order by 1")
                                          .mapTo(String.class)
                                          .list()))
                      .get());
            } catch (InterruptedException | ExecutionException e) {
              throw new IllegalStateException(e);
            }
          });
    } finally {
      reader.shutdown();
    }

    assertEquals(List.of(List.of("ward 1"), List.of("1", "2")), seenDuringLoad);
    assertEquals(List.of("ward 7"), tags(cityHall));
  }

  @Test
  void aBadFileChangesNothing() throws IOException {
    String cityHall = file(TestRequests.CITY_HALL);
    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);
    List<AreaTypeSummary> before = areas.list();
    String bad =
        collection(
            feature("7", polygon(rectangle(-87.7, 41.88, -87.56, 41.92))), feature("7", "null"));

    InvalidAreasException invalid =
        assertThrows(
            InvalidAreasException.class, () -> areas.load(WARDS, stream(bad), RetagProgress.NONE));

    assertEquals(2, invalid.problems().size(), invalid.getMessage());
    assertEquals(before, areas.list());
    assertEquals(List.of("ward 1"), tags(cityHall));
  }

  @Test
  void tagsOfRequestsWithoutCoordinatesSurviveAReloadButNotADelete() throws IOException {
    String addressOnly = file(NO_COORDINATES);
    jdbi.useHandle(
        h ->
            h.execute(
                "insert into service_request_area select id, 'ward', '5' from service_request"
                    + " where service_request_id = ?",
                addressOnly));

    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);
    assertEquals(List.of("ward 5"), tags(addressOnly), "an imported ward is kept");

    assertTrue(areas.delete("ward"));
    assertEquals(List.of(), tags(addressOnly));
    assertFalse(areas.delete("ward"), "nothing left to delete");
  }

  @Test
  void listShowsEachTypeWithItsAreasLoadTimeAndTaggedRequests() throws IOException {
    file(TestRequests.CITY_HALL);
    file(new Location(41.88, -87.63, null, null)); // on the edge wards 1 and 2 share: both
    file(EAST);
    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);
    areas.load(
        new AreaFile("community_area", "ward", null, false),
        stream(NORTH_SOUTH),
        RetagProgress.NONE);

    List<AreaTypeSummary> list = areas.list();

    assertEquals(
        List.of("community_area", "ward"), list.stream().map(AreaTypeSummary::areaType).toList());
    AreaTypeSummary wards = list.get(1);
    assertEquals(2, wards.areas());
    assertEquals(3, wards.taggedRequests(), "three requests, four tags");
    assertEquals(TestClock.START, wards.loadedAt().toInstant());
    assertNotNull(list.get(0).loadedAt());

    areas.delete("community_area");
    assertEquals(List.of("ward"), areas.list().stream().map(AreaTypeSummary::areaType).toList());
  }

  @Test
  void retagRestoresTagsFromTheStoredBoundariesAndCanBeRerun() throws IOException {
    String cityHall = file(TestRequests.CITY_HALL);
    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);
    jdbi.useHandle(h -> h.execute("delete from service_request_area"));
    List<Double> fractions = new ArrayList<>();

    Areas.RetagReport report = areas.retag("ward", (requests, fraction) -> fractions.add(fraction));
    areas.retag(null, RetagProgress.NONE);

    assertEquals(1, report.tagged());
    assertEquals(List.of(1.0), fractions);
    assertEquals(List.of("ward 1"), tags(cityHall));
    assertThrows(IllegalArgumentException.class, () -> areas.retag("beat", RetagProgress.NONE));
    assertThrows(IllegalArgumentException.class, () -> areas.delete("Bad Type"));
  }

  @Test
  void aServerHoldingOldBoundariesReTagsWhatItFiledOnceItSeesTheNewOnes() throws IOException {
    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);
    // A second process: its own index, as a server running beside the CLI has.
    try (RefreshingAreaLocator server = RefreshingAreaLocator.start(jdbi)) {
      PostgresServiceRequests serverRequests = new PostgresServiceRequests(jdbi, clock, server);

      areas.load(WARDS, stream(NORTH_SOUTH), RetagProgress.NONE);
      String filedMeanwhile =
          serverRequests
              .file(
                  TestRequests.from(
                      SPRINGFIELD, "PHF", Requester.ANONYMOUS, TestRequests.CITY_HALL))
              .serviceRequestId();
      assertEquals(List.of("ward 1"), tags(filedMeanwhile), "tagged with the boundaries it held");

      assertTrue(server.refresh());
      assertTrue(server.fixUp());

      assertEquals(List.of("ward 7"), tags(filedMeanwhile));
      assertEquals(
          List.of("ward 7"),
          tags(
              serverRequests
                  .file(
                      TestRequests.from(
                          SPRINGFIELD, "PHF", Requester.ANONYMOUS, TestRequests.CITY_HALL))
                  .serviceRequestId()));
    }
  }

  private String file(Location location) {
    return storage
        .serviceRequests()
        .file(TestRequests.from(SPRINGFIELD, "PHF", Requester.ANONYMOUS, location))
        .serviceRequestId();
  }

  private List<String> tags(String serviceRequestId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select a.area_type || ' ' || a.area_key from service_request_area a
                      join service_request r on r.id = a.request_id
                     where r.service_request_id = :id order by 1
                    """)
                .bind("id", serviceRequestId)
                .mapTo(String.class)
                .list());
  }
}
