package dev.open311.storage.bulk;

import static dev.open311.storage.bulk.BulkFixtures.CHICAGO;
import static dev.open311.storage.bulk.BulkFixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.export.ExportFilter;
import dev.open311.spec.export.ExportedRequest;
import dev.open311.spec.model.Status;
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
        stream(new ExportFilter(CHICAGO, List.of(), Set.of(Status.OPEN), null, null, null)).size());
    List<ExportedRequest> rats = stream(
        new ExportFilter(CHICAGO, List.of("SGA", "SFD"), Set.of(), start, end, null));
    assertEquals(count(storage, "select count(*) from service_request where service_code in"
        + " ('SGA', 'SFD') and requested_at >= '" + start + "' and requested_at < '" + end + "'"),
        rats.size());
    assertTrue(rats.size() > 5, "the sample has enough of them to mean something");
    rats.forEach(r -> assertTrue(!r.requestedDatetime().isBefore(start)
        && r.requestedDatetime().isBefore(end) && Set.of("SGA", "SFD").contains(r.serviceCode())));
    OffsetDateTime after = OffsetDateTime.parse("2023-06-01T00:00:00Z");
    assertEquals(count(storage, "select count(*) from service_request where updated_at > '" + after + "'"),
        stream(new ExportFilter(CHICAGO, List.of(), Set.of(), null, null, after)).size());
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
        stream(new ExportFilter(CHICAGO, List.of(), Set.of(Status.OPEN, Status.CLOSED), null,
            null, null)));
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
        () -> new ExportFilter(CHICAGO, List.of(), Set.of(), day, day, null));
    assertThrows(NotFoundException.class,
        () -> storage.bulk().feed().stream(ExportFilter.all("nowhere.example"), r -> {}));
  }
}
