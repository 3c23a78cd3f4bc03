package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.ServiceType;
import dev.open311.spec.model.Status;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import dev.open311.storage.TestDatabases;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET requests filters: the query is built by the spec; these check what the SQL makes of it. */
@ExtendWith(SharedStorage.class)
class ServiceRequestSearchIT {

  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-02T10:00:00Z");

  private final Storage storage;
  private final ServiceRequests requests;
  private final TestClock clock;

  ServiceRequestSearchIT(Storage storage, TestClock clock) {
    this.storage = storage;
    this.requests = storage.serviceRequests();
    this.clock = clock;
  }

  @BeforeEach
  void loadCatalog() {
    storage.catalog().load(TestCatalogs.springfield());
  }

  @Test
  void newestFirstAndTheLaterIdFirstAmongEqualTimes() {
    String a = fileAt(T0, "PHF");
    String b = fileAt(T0, "PHF");
    String c = fileAt(T0.plusSeconds(1), "PHF");
    String d = fileAt(T0, "PHF");

    assertEquals(List.of(c, d, b, a), ids(query(List.of(), Set.of(), null, null, 1000)));
  }

  @Test
  void servicesTheCatalogInMemoryDoesNotKnowYetAreNamedFromTheTable() {
    storage.catalog().services(TestCatalogs.SPRINGFIELD); // the catalog as it is now, in memory
    TestDatabases.jdbi(storage)
        .useHandle(
            h ->
                h.execute(
                    """
                    insert into service (jurisdiction_id, service_code, service_name, type,
                                         updated_at)
                    values (?, 'NEW', 'Added behind its back', 'realtime', now())
                    """,
                    TestCatalogs.SPRINGFIELD));
    String added = fileAt(T0, "NEW");
    String known = fileAt(T0, "PHF");

    List<ServiceRequest> found = query(List.of(), Set.of(), null, null, 1000);

    assertEquals(List.of(known, added), ids(found));
    assertEquals(
        List.of("Pothole in street", "Added behind its back"),
        found.stream().map(ServiceRequest::serviceName).toList());
  }

  @Test
  void limitCapsTheNewest() {
    fileAt(T0, "PHF");
    String second = fileAt(T0.plusMinutes(1), "PHF");
    String third = fileAt(T0.plusMinutes(2), "PHF");

    assertEquals(List.of(third, second), ids(query(List.of(), Set.of(), null, null, 2)));
  }

  @Test
  void idsOverrideEveryOtherFilter() {
    String open = fileAt(T0, "PHF");
    String other = fileAt(T0, "SIGN");
    fileAt(T0, "PHF");
    ServiceRequestQuery query =
        new ServiceRequestQuery(
            SPRINGFIELD,
            List.of(open, other, "no-such-id"),
            List.of("GARB"),
            Set.of(Status.CLOSED),
            T0.plusDays(1),
            T0.plusDays(2),
            1000);

    assertEquals(List.of(other, open), ids(requests.find(query)));
  }

  @Test
  void idsOverrideSeveralCodesToo() {
    String pothole = fileAt(T0, "PHF");
    fileAt(T0, "SIGN");

    assertEquals(List.of(pothole), ids(requests.find(new ServiceRequestQuery(SPRINGFIELD,
        List.of(pothole), List.of("SIGN", "GARB"), Set.of(), null, null, 1000))));
  }

  @Test
  void serviceCodesSelectThoseServicesOnly() {
    String pothole = fileAt(T0, "PHF");
    String sign = fileAt(T0.plusSeconds(1), "SIGN");
    fileAt(T0.plusSeconds(2), "GARB");

    assertEquals(
        List.of(sign, pothole), ids(query(List.of("PHF", "SIGN"), Set.of(), null, null, 1000)));
  }

  @Test
  void pagesOfSeveralCodesFollowTheNewestFirstOrderWithoutRepeats() {
    // Interleaved times, equal times across services (the id breaks the tie), a code twice.
    List<String> codes = List.of("PHF", "SIGN", "PHF", "GARB");
    String[] cycle = {"PHF", "SIGN", "GARB", "TIP"};
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String code = cycle[i % cycle.length];
      fileAt(T0.plusSeconds(i / 3), code);
      // A batch service's receipt has a token, no id: read the public id stored last.
      String id = TestDatabases.jdbi(storage).withHandle(h -> h.createQuery(
          "select service_request_id from service_request order by id desc limit 1")
          .mapTo(String.class).one());
      if (!code.equals("TIP")) {
        expected.add(0, id); // each later filing sorts first: a later time or a higher id
      }
    }
    List<String> paged = new java.util.ArrayList<>();
    for (int offset = 0; offset < 40; offset += 7) {
      paged.addAll(ids(requests.find(new ServiceRequestQuery(SPRINGFIELD, List.of(), codes,
          Set.of(), null, null, null, null, null, null, null,
          dev.open311.spec.query.SearchOrder.NEWEST, null, offset, 7, false))));
    }
    assertEquals(expected, paged);
  }

  @Test
  void statusesSelectThoseStatusesOnly() {
    String open = fileAt(T0, "PHF");
    String closed = fileAt(T0.plusSeconds(1), "PHF");
    TestDatabases.jdbi(storage)
        .useHandle(
            h ->
                h.createUpdate(
                        """
                        update service_request set status = 'closed'
                         where service_request_id = :id
                        """)
                    .bind("id", closed)
                    .execute());

    assertEquals(List.of(closed), ids(query(List.of(), Set.of(Status.CLOSED), null, null, 1000)));
    assertEquals(List.of(open), ids(query(List.of(), Set.of(Status.OPEN), null, null, 1000)));
    assertEquals(
        List.of(closed, open),
        ids(query(List.of(), Set.of(Status.OPEN, Status.CLOSED), null, null, 1000)));
    // With service codes each status is read from its own index (V13): one code, or several.
    assertEquals(
        List.of(closed), ids(query(List.of("PHF"), Set.of(Status.CLOSED), null, null, 1000)));
    assertEquals(List.of(open), ids(query(List.of("PHF"), Set.of(Status.OPEN), null, null, 1000)));
    assertEquals(
        List.of(open), ids(query(List.of("PHF", "SIGN"), Set.of(Status.OPEN), null, null, 1000)));
    assertEquals(List.of(closed, open), ids(query(List.of("PHF"), Set.of(), null, null, 1000)));
    assertEquals(List.of(), ids(query(List.of("SIGN"), Set.of(Status.OPEN), null, null, 1000)));
    assertEquals(
        Status.CLOSED,
        requests.find(SPRINGFIELD, closed).map(ServiceRequest::status).orElseThrow());
  }

  @Test
  void fromIsInclusiveAndToIsExclusive() {
    fileAt(T0.minusNanos(1000), "PHF");
    String atFrom = fileAt(T0, "PHF");
    String inside = fileAt(T0.plusHours(1), "PHF");
    fileAt(T0.plusHours(2), "PHF");

    assertEquals(
        List.of(inside, atFrom), ids(query(List.of(), Set.of(), T0, T0.plusHours(2), 1000)));
  }

  @Test
  void boundsGivenInAnotherOffsetMeanTheSameInstant() {
    String atFrom = fileAt(T0, "PHF");
    OffsetDateTime fromInChicago =
        T0.atZoneSameInstant(ZoneId.of("America/Chicago")).toOffsetDateTime();

    assertEquals(List.of(atFrom), ids(query(List.of(), Set.of(), fromInChicago, null, 1000)));
    assertEquals(List.of(), ids(query(List.of(), Set.of(), null, fromInChicago, 1000)));
  }

  @Test
  void anotherJurisdictionsRequestsAreNeverFound() {
    storage
        .catalog()
        .load(
            TestCatalogs.document(
                TestCatalogs.jurisdiction(
                    "other.example.org",
                    TestCatalogs.groups(),
                    TestCatalogs.service("PHF", "Pothole", null, ServiceType.REALTIME))));
    String ours = fileAt(T0, "PHF");
    clock.set(T0.toInstant());
    String theirs =
        requests.file(TestRequests.anonymous("other.example.org", "PHF")).serviceRequestId();

    assertEquals(List.of(ours), ids(query(List.of(), Set.of(), null, null, 1000)));
    // Both have a service PHF: a code is this jurisdiction's service, with a status or without.
    assertEquals(List.of(ours), ids(query(List.of("PHF"), Set.of(), null, null, 1000)));
    assertEquals(
        List.of(ours), ids(query(List.of("PHF"), Set.of(Status.OPEN), null, null, 1000)));
    assertEquals(
        List.of(ours), ids(query(List.of("PHF", "SIGN"), Set.of(), null, null, 1000)));
    assertEquals(
        List.of(),
        ids(
            requests.find(
                new ServiceRequestQuery(
                    SPRINGFIELD, List.of(theirs), List.of(), Set.of(), null, null, 1000))));
  }

  private String fileAt(OffsetDateTime at, String serviceCode) {
    clock.set(at.toInstant());
    return requests.file(TestRequests.anonymous(SPRINGFIELD, serviceCode)).serviceRequestId();
  }

  private List<ServiceRequest> query(
      List<String> codes, Set<Status> statuses, OffsetDateTime from, OffsetDateTime to, int limit) {
    return requests.find(
        new ServiceRequestQuery(SPRINGFIELD, List.of(), codes, statuses, from, to, limit));
  }

  private static List<String> ids(List<ServiceRequest> found) {
    return found.stream().map(ServiceRequest::serviceRequestId).toList();
  }
}
