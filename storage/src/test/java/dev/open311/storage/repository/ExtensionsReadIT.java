package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.model.AttributeAnswer;
import dev.open311.spec.model.Datatype;
import dev.open311.spec.model.ExtendedServiceRequest;
import dev.open311.spec.model.ServiceRequestExtensions;
import dev.open311.spec.model.ServiceRequestNote;
import dev.open311.spec.model.Status;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.spec.query.ServiceRequestPage;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import dev.open311.storage.TestDatabases;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** extensions=true: answers, extended attributes and notes, read in a fixed number of statements. */
@ExtendWith(SharedStorage.class)
class ExtensionsReadIT {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  private final Storage storage;
  private final ServiceRequests requests;
  private final TestClock clock;
  private final Jdbi jdbi;

  ExtensionsReadIT(Storage storage, TestClock clock) {
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
  void aFiledRequestHasItsAnswersChannelAreasAndOpenedNote() {
    String id =
        requests
            .file(
                TestRequests.withAnswers(
                    SPRINGFIELD,
                    "PHF",
                    List.of(
                        new AttributeAnswer("WHERE", Datatype.MULTIVALUELIST, List.of("LANE", "BIKE")),
                        new AttributeAnswer("DEPTH", Datatype.NUMBER, List.of("4.5")))))
            .serviceRequestId();
    tag(id, "ward", "42");
    tag(id, "police_district", "1");

    ServiceRequestExtensions extensions = extended(id).extensions();

    assertEquals(
        Map.of("WHERE", List.of("LANE", "BIKE"), "DEPTH", "4.5"), extensions.attributes());
    Map<String, Object> wire = extensions.extendedAttributes().wire();
    assertEquals("api", wire.get("channel"));
    assertEquals("42", wire.get("ward"));
    assertEquals("1", wire.get("police_district"));
    assertEquals(false, wire.get("duplicate"));
    assertNull(wire.get("closed_datetime"));
    ServiceRequestNote opened = extensions.notes().get(0);
    assertEquals("opened", opened.type());
    assertEquals("Request opened", opened.summary());
    assertEquals(OffsetDateTime.ofInstant(TestClock.START, CHICAGO), opened.datetime());
  }

  @Test
  void notesComeOldestFirstAndClosingSetsTheClosedDatetimeInTheJurisdictionsZone() {
    String id = requests.file(TestRequests.anonymous(SPRINGFIELD, "SIGN")).serviceRequestId();
    clock.advance(Duration.ofHours(1));
    requests.update(SPRINGFIELD, id, null, "crew on the way");
    clock.advance(Duration.ofHours(1));
    requests.update(SPRINGFIELD, id, Status.CLOSED, "replaced the sign");

    ServiceRequestExtensions extensions = extended(id).extensions();

    assertEquals(
        List.of("opened", "comment", "closed"),
        extensions.notes().stream().map(ServiceRequestNote::type).toList());
    assertEquals("replaced the sign", extensions.notes().get(2).description());
    OffsetDateTime closedAt = OffsetDateTime.ofInstant(TestClock.START.plusSeconds(7200), CHICAGO);
    assertEquals(closedAt, extensions.extendedAttributes().closedDatetime());
    assertEquals("-06:00", closedAt.getOffset().getId());
  }

  @Test
  void duplicatesNameTheirParentAndFollowOnNotesKeepTheirExtendedAttributes() {
    String parent = requests.file(TestRequests.anonymous(SPRINGFIELD, "SIGN")).serviceRequestId();
    String child = requests.file(TestRequests.anonymous(SPRINGFIELD, "SIGN")).serviceRequestId();
    jdbi.useHandle(
        h -> {
          h.createUpdate(
                  "update service_request set duplicate = true, parent_service_request_id = :p,"
                      + " channel = 'phone' where service_request_id = :c")
              .bind("p", parent)
              .bind("c", child)
              .execute();
          h.createUpdate(
                  """
                  insert into service_request_note (request_id, type, datetime, summary,
                                                    extended_attributes)
                  select id, 'follow_on_created', now(), 'Follow-on created',
                         '{"service_request_id": "24-9", "service_name": "Inspect"}'::jsonb
                    from service_request where service_request_id = :c
                  """)
              .bind("c", child)
              .execute();
        });

    ServiceRequestExtensions extensions = extended(child).extensions();

    Map<String, Object> wire = extensions.extendedAttributes().wire();
    assertEquals(true, wire.get("duplicate"));
    assertEquals(parent, wire.get("parent_service_request_id"));
    assertEquals("phone", wire.get("channel"));
    assertEquals(
        Map.of("service_request_id", "24-9", "service_name", "Inspect"),
        extensions.notes().get(1).extendedAttributes());
    assertNull(extensions.notes().get(0).extendedAttributes());
  }

  @Test
  void aPageWithExtensionsCostsFourStatementsHoweverManyRequestsItHolds() {
    for (int i = 0; i < 20; i++) {
      String id = requests.file(TestRequests.anonymous(SPRINGFIELD, "SIGN")).serviceRequestId();
      tag(id, "ward", Integer.toString(i));
    }
    // Only this thread's: the caches' background refreshes share the test storage's Jdbi.
    Thread test = Thread.currentThread();
    AtomicInteger statements = new AtomicInteger();
    jdbi.setSqlLogger(
        new SqlLogger() {
          @Override
          public void logAfterExecution(StatementContext context) {
            if (Thread.currentThread() == test) {
              statements.incrementAndGet();
            }
          }
        });
    try {
      // The catalog in memory, which names services, checks its version every two seconds at
      // most; a check due now happens here, not in the search (CachingCatalog).
      storage.catalog().services(SPRINGFIELD);
      statements.set(0);
      ServiceRequestPage page =
          requests.search(
              ServiceRequestQuery.builder(SPRINGFIELD).page(1, 50).extensions(true).build(clock));
      assertEquals(20, page.requests().size());
      assertTrue(page.extensions().stream().allMatch(e -> e.notes().size() == 1));
      assertEquals(4, statements.get());
      storage.catalog().services(SPRINGFIELD);
      statements.set(0);
      requests.search(ServiceRequestQuery.builder(SPRINGFIELD).page(1, 50).build(clock));
      assertEquals(1, statements.get(), "without extensions, the page alone");
    } finally {
      jdbi.setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
    }
  }

  @Test
  void withoutExtensionsThePageCarriesNone() {
    requests.file(TestRequests.anonymous(SPRINGFIELD, "SIGN"));

    ServiceRequestPage page =
        requests.search(ServiceRequestQuery.builder(SPRINGFIELD).page(1, 50).build(clock));

    assertFalse(page.requests().isEmpty());
    assertTrue(page.extensions().isEmpty());
  }

  private ExtendedServiceRequest extended(String id) {
    return requests.search(ServiceRequestQuery.byId(SPRINGFIELD, id, true)).extended().get(0);
  }

  private void tag(String serviceRequestId, String areaType, String areaKey) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    update service_request
                       set areas = area_tags_replaced(areas, '{}', array[:type || ':' || :key])
                     where service_request_id = :id
                    """)
                .bind("type", areaType)
                .bind("key", areaKey)
                .bind("id", serviceRequestId)
                .execute());
  }
}
