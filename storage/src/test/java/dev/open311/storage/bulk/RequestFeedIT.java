package dev.open311.storage.bulk;

import static dev.open311.storage.bulk.BulkFixtures.CHICAGO;
import static dev.open311.storage.bulk.BulkFixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.export.ExportFilter;
import dev.open311.spec.export.ExportedRequest;
import dev.open311.spec.model.Status;
import dev.open311.spec.query.AreaFilter;
import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestDatabases;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The feed's filters give exactly what the same conditions select in SQL, in key order. */
@ExtendWith(SharedStorage.class)
class RequestFeedIT {

  private final Storage storage;

  RequestFeedIT(Storage storage) {
    this.storage = storage;
  }

  @BeforeEach
  void importSample() throws IOException {
    BulkFixtures.loadCatalog(storage);
    storage.bulk().chicagoImport().run(BulkFixtures.sample(), CHICAGO,
        ChicagoCsvImport.Options.DEFAULT, new BulkFixtures.Recorder());
  }

  private List<ExportedRequest> stream(ExportFilter filter) throws IOException {
    List<ExportedRequest> rows = new ArrayList<>();
    long streamed = storage.bulk().feed().stream(filter, rows::add);
    assertEquals(rows.size(), streamed);
    return rows;
  }

  @Test
  void everyFilterSelectsWhatSqlSelects() throws IOException {
    OffsetDateTime start = OffsetDateTime.parse("2020-01-01T00:00:00-06:00");
    OffsetDateTime end = OffsetDateTime.parse("2022-01-01T00:00:00-06:00");
    assertEquals(count(storage, "select count(*) from service_request"),
        stream(ExportFilter.all(CHICAGO)).size());
    assertEquals(count(storage, "select count(*) from service_request where status = 'open'"),
        stream(filter(List.of(), Set.of(Status.OPEN), null, null, null)).size());
    List<ExportedRequest> rats = stream(
        filter(List.of("SGA", "SFD"), Set.of(), start, end, null));
    assertEquals(count(storage, "select count(*) from service_request where service_code in"
        + " ('SGA', 'SFD') and requested_at >= '" + start + "' and requested_at < '" + end + "'"),
        rats.size());
    assertTrue(rats.size() > 5, "the sample has enough of them to mean something");
    rats.forEach(r -> assertTrue(!r.requestedDatetime().isBefore(start)
        && r.requestedDatetime().isBefore(end) && Set.of("SGA", "SFD").contains(r.serviceCode())));
    OffsetDateTime after = OffsetDateTime.parse("2023-06-01T00:00:00Z");
    assertEquals(count(storage, "select count(*) from service_request where updated_at > '" + after + "'"),
        stream(filter(List.of(), Set.of(), null, null, after)).size());
  }

  /** A filter without the spatial ones and without an end to the update time. */
  private static ExportFilter filter(List<String> codes, Set<Status> statuses,
      OffsetDateTime start, OffsetDateTime end, OffsetDateTime updatedAfter) {
    return new ExportFilter(
        CHICAGO, codes, statuses, start, end, updatedAfter, null, null, null, null);
  }

  private static List<String> ids(List<ExportedRequest> rows) {
    return rows.stream().map(ExportedRequest::serviceRequestId).toList();
  }

  private List<String> idsOfAllWhere(java.util.function.Predicate<ExportedRequest> test)
      throws IOException {
    return ids(stream(ExportFilter.all(CHICAGO)).stream().filter(test).toList());
  }

  @Test
  void theSpatialAreaAndUpdateTimeFiltersOfGetRequestsSelectWhatTheyName() throws IOException {
    List<ExportedRequest> all = stream(ExportFilter.all(CHICAGO));
    ExportedRequest center = all.stream().filter(r -> r.latitude() != null).findFirst().orElseThrow();
    Circle near = new Circle(center.latitude(), center.longitude(), 10_000);
    List<String> inCircle = idsOfAllWhere(r -> r.latitude() != null
        && Circle.distanceMeters(near.latitude(), near.longitude(), r.latitude(), r.longitude())
            <= near.radiusMeters());
    assertTrue(inCircle.size() > 1 && inCircle.size() < all.size(), "a real subset: " + inCircle);
    assertEquals(inCircle, ids(stream(
        new ExportFilter(CHICAGO, List.of(), Set.of(), null, null, null, null, near, null, null))));

    BoundingBox box = new BoundingBox(center.longitude() - 0.05, center.latitude() - 0.05,
        center.longitude() + 0.05, center.latitude() + 0.05);
    List<String> inBox = idsOfAllWhere(r -> r.latitude() != null
        && r.latitude() >= box.minLatitude() && r.latitude() <= box.maxLatitude()
        && r.longitude() >= box.minLongitude() && r.longitude() <= box.maxLongitude());
    assertTrue(inBox.size() > 1 && inBox.size() < all.size(), "a real subset: " + inBox);
    assertEquals(inBox, ids(stream(
        new ExportFilter(CHICAGO, List.of(), Set.of(), null, null, null, null, null, box, null))));

    String ward = all.stream().filter(r -> r.ward() != null)
        .collect(java.util.stream.Collectors.groupingBy(
            ExportedRequest::ward, java.util.stream.Collectors.counting()))
        .entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
    List<String> inWard = idsOfAllWhere(r -> ward.equals(r.ward()));
    assertTrue(inWard.size() > 1 && inWard.size() < all.size(), "a real subset: " + inWard);
    assertEquals(inWard, ids(stream(new ExportFilter(CHICAGO, List.of(), Set.of(), null, null,
        null, null, null, null, new AreaFilter("ward", List.of(ward, "no such ward"))))));

    OffsetDateTime before = OffsetDateTime.parse("2023-06-01T00:00:00Z");
    List<String> updatedBefore = idsOfAllWhere(r -> r.updatedDatetime().isBefore(before));
    assertTrue(updatedBefore.size() > 1 && updatedBefore.size() < all.size());
    assertEquals(updatedBefore, ids(stream(new ExportFilter(
        CHICAGO, List.of(), Set.of(), null, null, null, before, null, null, null))));

    // Every filter at once: each must hold (the center does).
    OffsetDateTime justAfterCenter = center.updatedDatetime().plusSeconds(1);
    List<String> together = idsOfAllWhere(r -> inCircle.contains(r.serviceRequestId())
        && inBox.contains(r.serviceRequestId()) && center.ward().equals(r.ward())
        && r.updatedDatetime().isBefore(justAfterCenter));
    assertTrue(together.contains(center.serviceRequestId()), together::toString);
    assertEquals(together, ids(stream(new ExportFilter(CHICAGO, List.of(), Set.of(), null, null,
        null, justAfterCenter, near, box, new AreaFilter("ward", List.of(center.ward()))))));
  }

  @Test
  void aSpatialFilterThatKeepsManyRowsIsReadInKeyOrderAndOneThatKeepsFewIsNot()
      throws IOException {
    List<ExportedRequest> all = stream(ExportFilter.all(CHICAGO));
    ExportedRequest one = all.stream().filter(r -> r.latitude() != null).findFirst().orElseThrow();
    ExportFilter city = new ExportFilter(CHICAGO, List.of(), Set.of(), null, null, null, null,
        null, new BoundingBox(-88.0, 41.6, -87.5, 42.1), null);
    ExportFilter corner = new ExportFilter(CHICAGO, List.of(), Set.of(), null, null, null, null,
        new Circle(one.latitude(), one.longitude(), 1), null, null);
    TestDatabases.jdbi(storage).useTransaction(h -> {
      PostgresRequestFeed.setFilter(h, city);
      assertTrue(PostgresRequestFeed.readInKeyOrder(h, city), "the whole city: stream in order");
    });
    TestDatabases.jdbi(storage).useTransaction(h -> {
      PostgresRequestFeed.setFilter(h, corner);
      assertFalse(PostgresRequestFeed.readInKeyOrder(h, corner), "one request: index and sort");
    });
    // Either way the rows are the same, in key order.
    assertEquals(ids(all.stream().filter(r -> r.latitude() != null).toList()), ids(stream(city)));
    assertEquals(List.of(one.serviceRequestId()), ids(stream(corner)));
  }

  @Test
  void rowsComeInKeyOrderWithTheirAreaTags() throws IOException {
    List<ExportedRequest> rows = stream(ExportFilter.all(CHICAGO));
    List<String> expected = BulkFixtures.records(BulkFixtures.sample()).stream()
        .skip(1).map(r -> r.get(0)).filter(id -> rows.stream().anyMatch(x -> x.serviceRequestId().equals(id)))
        .toList();
    assertEquals(expected, rows.stream().map(ExportedRequest::serviceRequestId).toList());
    rows.forEach(r -> assertTrue(r.ward() != null && r.communityArea() != null
        && r.policeDistrict() != null, r::toString));
  }

  @Test
  void aFilterThatSelectsEverythingGivesTheSameRowsAsTheWholeHistory() throws IOException {
    // The whole history merge-joins the tags; any filter looks each request's tags up.
    assertEquals(stream(ExportFilter.all(CHICAGO)),
        stream(filter(List.of(), Set.of(Status.OPEN, Status.CLOSED), null, null, null)));
  }

  @Test
  void manyBatchesArriveWholeAndInKeyOrder() throws IOException {
    storage.bulk().generator(java.time.Clock.systemUTC())
        .generate(CHICAGO, 2_000, 7L, 500, 2, done -> {});
    List<String> keyOrder = TestDatabases.jdbi(storage).withHandle(h -> h.createQuery(
        "select service_request_id from service_request order by id").mapTo(String.class).list());
    assertEquals(keyOrder, stream(ExportFilter.all(CHICAGO)).stream()
        .map(ExportedRequest::serviceRequestId).toList());
  }

  @Test
  void aSinkThatFailsStopsTheFeedWithItsErrorAndLeavesTheStorageUsable() throws IOException {
    storage.bulk().generator(java.time.Clock.systemUTC())
        .generate(CHICAGO, 2_000, 7L, 500, 2, done -> {});
    int[] taken = {0};
    IOException gone = new IOException("client went away");
    IOException thrown = assertThrows(IOException.class,
        () -> storage.bulk().feed().stream(ExportFilter.all(CHICAGO), r -> {
          if (++taken[0] == 700) {
            throw gone;
          }
        }));
    assertEquals(gone, thrown);
    assertEquals(700, taken[0], "the sink is not called again after it failed");
    assertEquals(count(storage, "select count(*) from service_request"),
        stream(ExportFilter.all(CHICAGO)).size());
  }

  @Test
  void anEmptyDateRangeIsRefusedAndAnUnknownJurisdictionIsNotFound() {
    OffsetDateTime day = OffsetDateTime.parse("2020-01-01T00:00:00Z");
    assertThrows(InvalidRequestException.class,
        () -> filter(List.of(), Set.of(), day, day, null));
    assertThrows(InvalidRequestException.class,
        () -> new ExportFilter(
            CHICAGO, List.of(), Set.of(), null, null, day, day, null, null, null));
    assertThrows(NotFoundException.class,
        () -> storage.bulk().feed().stream(ExportFilter.all("nowhere.example"), r -> {}));
  }
}
