package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.open311.spec.model.ExtendedServiceRequest;
import dev.open311.spec.model.Requester;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import dev.open311.storage.TestDatabases;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same read many times over: the driver sends results as text for a statement's first
 * executions on a connection and in binary once it has prepared it on the server, and the
 * hand-written mappers read timestamps from either form (ServiceRequestMapper.inZone).
 */
@ExtendWith(SharedStorage.class)
class RepeatedReadsIT {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  // Before the epoch of timestamptz's binary form (2000), with a fraction of a second.
  private static final Instant EARLY = Instant.parse("1999-12-31T23:59:58.123456Z");

  private final Storage storage;
  private final ServiceRequests requests;
  private final TestClock clock;

  RepeatedReadsIT(Storage storage, TestClock clock) {
    this.storage = storage;
    this.requests = storage.serviceRequests();
    this.clock = clock;
  }

  @BeforeEach
  void loadCatalog() {
    storage.catalog().load(TestCatalogs.springfield());
  }

  @Test
  void datetimesReadTheSameInTextAndBinaryResults() {
    clock.set(Instant.parse("2026-03-08T07:59:59.999999Z")); // a second before CDT begins
    String id =
        requests
            .file(TestRequests.from(SPRINGFIELD, "PHF", Requester.ANONYMOUS, TestRequests.CITY_HALL))
            .serviceRequestId();
    TestDatabases.jdbi(storage)
        .useHandle(
            h ->
                h.execute(
                    "update service_request set requested_at = ?, closed_at = ?"
                        + " where service_request_id = ?",
                    OffsetDateTime.ofInstant(EARLY, CHICAGO),
                    OffsetDateTime.parse("2026-03-08T03:00:00-05:00"),
                    id));
    OffsetDateTime requested = OffsetDateTime.ofInstant(EARLY, CHICAGO);
    OffsetDateTime updated = OffsetDateTime.parse("2026-03-08T01:59:59.999999-06:00");

    // More executions than the pool has connections times the driver's prepare threshold (5).
    for (int i = 0; i < 60; i++) {
      ServiceRequest one = requests.find(SPRINGFIELD, id).orElseThrow();
      ExtendedServiceRequest listed =
          requests.search(ServiceRequestQuery.byId(SPRINGFIELD, id, true)).extended().get(0);
      for (ServiceRequest read : new ServiceRequest[] {one, listed.request()}) {
        assertEquals(requested, read.requestedDatetime(), "requested, read " + i);
        assertEquals(requested.getOffset(), read.requestedDatetime().getOffset());
        assertEquals(updated, read.updatedDatetime(), "updated, read " + i);
        assertEquals(updated.getOffset(), read.updatedDatetime().getOffset());
        assertEquals(41.8, read.latitude(), 1.0, "a coordinate");
      }
      assertEquals(
          OffsetDateTime.parse("2026-03-08T03:00:00-05:00"),
          listed.extensions().extendedAttributes().closedDatetime(),
          "closed, read " + i);
    }
  }
}
