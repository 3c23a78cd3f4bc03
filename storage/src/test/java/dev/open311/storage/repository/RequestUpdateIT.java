package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.ServiceRequestUpdate;
import dev.open311.spec.model.Status;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.spec.query.UpdatesQuery;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import dev.open311.storage.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator's change and the updates feed it shows up in. */
@ExtendWith(SharedStorage.class)
class RequestUpdateIT {

  private final Storage storage;
  private final ServiceRequests requests;
  private final TestClock clock;
  private final Jdbi jdbi;

  RequestUpdateIT(Storage storage, TestClock clock) {
    this.storage = storage;
    this.requests = storage.serviceRequests();
    this.clock = clock;
    this.jdbi = TestDatabases.jdbi(storage);
  }

  @BeforeEach
  void loadCatalog() {
    storage.catalog().load(TestCatalogs.springfield());
  }

  @Test
  void closingSetsStatusNotesUpdatedAndClosedTimesAndWritesAClosedNote() {
    String id = file();
    clock.advance(Duration.ofHours(3));
    long xidBefore = changeXid(id);

    ServiceRequest closed = requests.update(SPRINGFIELD, id, Status.CLOSED, "Filled the hole");

    assertEquals(Status.CLOSED, closed.status());
    assertEquals("Filled the hole", closed.statusNotes());
    assertEquals(TestClock.START.plus(Duration.ofHours(3)), closed.updatedDatetime().toInstant());
    assertEquals(TestClock.START.plus(Duration.ofHours(3)), closedAt(id).toInstant());
    assertNotEquals(xidBefore, changeXid(id), "a change moves the request in the harvest order");
    assertEquals(List.of("opened:open", "closed:closed"), notes(id));
  }

  @Test
  void reopeningClearsTheClosedTime() {
    String id = file();
    requests.update(SPRINGFIELD, id, Status.CLOSED, null);

    ServiceRequest reopened = requests.update(SPRINGFIELD, id, Status.OPEN, "Came back");

    assertEquals(Status.OPEN, reopened.status());
    assertNull(closedAt(id));
    assertEquals(List.of("opened:open", "closed:closed", "reopened:open"), notes(id));
  }

  @Test
  void aCommentKeepsTheStatusAndWritesANoteWithoutOne() {
    String id = file();
    clock.advance(Duration.ofMinutes(5));

    ServiceRequest commented = requests.update(SPRINGFIELD, id, null, "Crew scheduled");

    assertEquals(Status.OPEN, commented.status());
    assertNull(commented.statusNotes());
    assertEquals(TestClock.START.plus(Duration.ofMinutes(5)), commented.updatedDatetime().toInstant());
    assertEquals(List.of("opened:open", "comment:null"), notes(id));
  }

  @Test
  void theSameStatusWithANoteIsAComment() {
    String id = file();

    requests.update(SPRINGFIELD, id, Status.OPEN, "Still open");

    assertEquals(List.of("opened:open", "comment:null"), notes(id));
  }

  @Test
  void nothingToChangeIsRefusedAndChangesNothing() {
    String id = file();

    assertThrows(InvalidRequestException.class, () -> requests.update(SPRINGFIELD, id, null, " "));
    assertThrows(
        InvalidRequestException.class, () -> requests.update(SPRINGFIELD, id, Status.OPEN, null));
    assertEquals(List.of("opened:open"), notes(id));
  }

  @Test
  void anUnknownRequestIsNotFound() {
    assertThrows(
        NotFoundException.class, () -> requests.update(SPRINGFIELD, "404", Status.CLOSED, null));
  }

  @Test
  void theFeedListsNotesOldestFirstWithTheStatusOfTheirTime() {
    String id = file();
    clock.advance(Duration.ofMinutes(1));
    requests.update(SPRINGFIELD, id, Status.CLOSED, "Done");
    clock.advance(Duration.ofMinutes(1));
    requests.update(SPRINGFIELD, id, null, "Thanks for reporting");
    clock.advance(Duration.ofMinutes(1));
    requests.update(SPRINGFIELD, id, Status.OPEN, null);
    clock.advance(Duration.ofMinutes(1));
    requests.update(SPRINGFIELD, id, null, "Back on the list");

    List<ServiceRequestUpdate> updates = feed(List.of(), null, null);

    assertEquals(
        List.of("open", "closed", "closed", "open", "open"),
        updates.stream().map(u -> u.status().wireName()).toList());
    assertEquals(
        List.of("Request opened", "Done", "Thanks for reporting", "Request reopened", "Back on the list"),
        updates.stream().map(ServiceRequestUpdate::description).toList());
    assertEquals(id, updates.get(0).serviceRequestId());
    assertEquals("-06:00", updates.get(0).updatedDatetime().getOffset().getId());
  }

  @Test
  void theFeedWindowIsInclusiveAtTheStartAndExclusiveAtTheEnd() {
    file();
    clock.advance(Duration.ofMinutes(10));
    String second = file();
    clock.advance(Duration.ofMinutes(10));
    file();
    OffsetDateTime start = at(TestClock.START.plus(Duration.ofMinutes(10)));
    OffsetDateTime end = at(TestClock.START.plus(Duration.ofMinutes(20)));

    List<ServiceRequestUpdate> updates = feed(List.of(), start, end);

    assertEquals(List.of(second), updates.stream().map(ServiceRequestUpdate::serviceRequestId).toList());
  }

  @Test
  void theFeedFiltersByServiceRequestIdAndUpdateIdsAreUnique() {
    String one = file();
    String other = file();
    requests.update(SPRINGFIELD, one, Status.CLOSED, null);

    List<ServiceRequestUpdate> updates = feed(List.of(one), null, null);

    assertEquals(2, updates.size());
    assertEquals(List.of(one, one), updates.stream().map(ServiceRequestUpdate::serviceRequestId).toList());
    assertNotEquals(updates.get(0).updateId(), updates.get(1).updateId());
    assertEquals(1, feed(List.of(other), null, null).size());
  }

  private List<ServiceRequestUpdate> feed(List<String> ids, OffsetDateTime from, OffsetDateTime to) {
    return requests.updates(new UpdatesQuery(SPRINGFIELD, ids, from, to, UpdatesQuery.MAX_RESULTS));
  }

  private String file() {
    return requests.file(TestRequests.anonymous(SPRINGFIELD, "SIGN")).serviceRequestId();
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private OffsetDateTime closedAt(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select closed_at from service_request where service_request_id = :id")
                .bind("id", id)
                .mapTo(OffsetDateTime.class)
                .one());
  }

  private long changeXid(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select change_xid::text from service_request where service_request_id = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .one());
  }

  private List<String> notes(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select n.type || ':' || coalesce(n.status, 'null')
                      from service_request_note n join service_request r on r.id = n.request_id
                     where r.service_request_id = :id order by n.datetime, n.id
                    """)
                .bind("id", id)
                .mapTo(String.class)
                .list());
  }
}
