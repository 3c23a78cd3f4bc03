package dev.open311.storage.repository;

import static dev.open311.storage.geo.GeoJson.collection;
import static dev.open311.storage.geo.GeoJson.feature;
import static dev.open311.storage.geo.GeoJson.polygon;
import static dev.open311.storage.geo.GeoJson.rectangle;
import static dev.open311.storage.geo.GeoJson.stream;
import static dev.open311.storage.repository.TestAreas.CITY_HALL;
import static dev.open311.storage.repository.TestAreas.EAST;
import static dev.open311.storage.repository.TestAreas.FAR_AWAY;
import static dev.open311.storage.repository.TestAreas.NORTH_SOUTH;
import static dev.open311.storage.repository.TestAreas.WARDS;
import static dev.open311.storage.repository.TestAreas.WEST_EAST;
import static dev.open311.storage.repository.TestAreas.file;
import static dev.open311.storage.repository.TestAreas.tags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.open311.spec.model.Location;
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

/** Loading, replacing, listing and deleting area types, and the tags they give requests. */
@ExtendWith(SharedStorage.class)
class PostgresAreasIT {

  private final Storage storage;
  private final Areas areas;
  private final Jdbi jdbi;

  PostgresAreasIT(Storage storage) {
    this.storage = storage;
    this.areas = storage.areas();
    this.jdbi = TestDatabases.jdbi(storage);
  }

  @BeforeEach
  void loadCatalog() {
    storage.catalog().load(TestCatalogs.springfield());
  }

  @Test
  void loadingATypeTagsTheRequestsFiledBeforeAndAfter() throws IOException {
    String cityHall = file(storage.serviceRequests(), CITY_HALL);
    String east = file(storage.serviceRequests(), EAST);
    String away = file(storage.serviceRequests(), FAR_AWAY);

    LoadReport report = areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);

    assertEquals(2, report.areas());
    assertEquals(3, report.retag().requests(), "requests with coordinates");
    assertEquals(2, report.retag().tagged());
    assertEquals(List.of("ward 1"), tags(jdbi, cityHall));
    assertEquals(List.of("ward 2"), tags(jdbi, east));
    assertEquals(List.of(), tags(jdbi, away));
    assertEquals(
        List.of("ward 2"),
        tags(jdbi, file(storage.serviceRequests(), EAST)),
        "filed after the load, in the same process");
  }

  @Test
  void reloadingATypeReplacesItsAreasAndTagsAndLeavesOtherTypesAlone() throws IOException {
    String cityHall = file(storage.serviceRequests(), CITY_HALL);
    areas.load(
        new AreaFile("police_district", "ward", null, false),
        stream(WEST_EAST),
        RetagProgress.NONE);
    areas.load(WARDS, stream(WEST_EAST), RetagProgress.NONE);

    areas.load(WARDS, stream(NORTH_SOUTH), RetagProgress.NONE);

    assertEquals(List.of("police_district 1", "ward 7"), tags(jdbi, cityHall));
    assertEquals(
        List.of("1", "2", "7", "8"),
        jdbi.withHandle(
            h ->
                h.createQuery("select area_key from area order by area_key")
                    .mapTo(String.class)
                    .list()));
  }

  @Test
  void whileALoadRunsOtherReadersSeeTheOldAreasAndTagsOnly() throws IOException {
    String cityHall = file(storage.serviceRequests(), CITY_HALL);
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
              seenDuringLoad.add(reader.submit(() -> tags(jdbi, cityHall)).get());
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
    assertEquals(List.of("ward 7"), tags(jdbi, cityHall));
  }

  @Test
  void aBadFileChangesNothing() throws IOException {
    String cityHall = file(storage.serviceRequests(), CITY_HALL);
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
    assertEquals(List.of("ward 1"), tags(jdbi, cityHall));
  }

  @Test
  void listShowsEachTypeWithItsAreasLoadTimeAndTaggedRequests() throws IOException {
    file(storage.serviceRequests(), CITY_HALL);
    file(
        storage.serviceRequests(),
        new Location(41.88, -87.63, null, null)); // on the edge wards 1 and 2 share: both
    file(storage.serviceRequests(), EAST);
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
}
