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
  void anEmptyDateRangeIsRefusedAndAnUnknownJurisdictionIsNotFound() {
    OffsetDateTime day = OffsetDateTime.parse("2020-01-01T00:00:00Z");
    assertThrows(InvalidRequestException.class,
        () -> new ExportFilter(CHICAGO, List.of(), Set.of(), day, day, null));
    assertThrows(NotFoundException.class,
        () -> storage.bulk().feed().stream(ExportFilter.all("nowhere.example"), r -> {}));
  }
}
