package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.ServiceRequestReceipt;
import dev.open311.spec.model.Status;
import dev.open311.spec.model.TokenStatus;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import dev.open311.storage.TestDatabases;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedStorage.class)
class PostgresServiceRequestsIT {

  private final Storage storage;
  private final ServiceRequests requests;
  private final TestClock clock;
  private final Jdbi jdbi;

  PostgresServiceRequestsIT(Storage storage, TestClock clock) {
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
  void aRealtimeRequestGetsADecimalIdAndIsFoundByIt() {
    clock.set(OffsetDateTime.parse("2026-01-15T12:00:00-06:00").toInstant());

    ServiceRequestReceipt receipt = requests.file(TestRequests.anonymous(SPRINGFIELD, "PHF"));

    assertTrue(receipt.serviceRequestId().matches("[1-9][0-9]*"), receipt.serviceRequestId());
    assertEquals(
        new ServiceRequestReceipt(
            receipt.serviceRequestId(), null, "Potholes are usually patched within 7 days.", null),
        receipt);
    ServiceRequest found = requests.find(SPRINGFIELD, receipt.serviceRequestId()).orElseThrow();
    assertEquals(
        new ServiceRequest(
            receipt.serviceRequestId(),
            Status.OPEN,
            null,
            "Pothole in street",
            "PHF",
            "Deep pothole",
            "Department of Transportation",
            "Potholes are usually patched within 7 days.",
            OffsetDateTime.parse("2026-01-15T12:00:00-06:00"),
            OffsetDateTime.parse("2026-01-15T12:00:00-06:00"),
            OffsetDateTime.parse("2026-01-22T12:00:00-06:00"),
            "121 N LaSalle St",
            "A-17",
            null,
            41.8837,
            -87.6320,
            "https://img.example.org/1.jpg"),
        found);
  }

  @Test
  void datetimesComeBackAtTheOffsetChicagoHasAtThatInstant() {
    clock.set(OffsetDateTime.parse("2026-07-01T17:00:00Z").toInstant());
    String summer = requests.file(TestRequests.anonymous(SPRINGFIELD, "PHF")).serviceRequestId();
    clock.set(OffsetDateTime.parse("2026-12-01T17:00:00Z").toInstant());
    String winter = requests.file(TestRequests.anonymous(SPRINGFIELD, "PHF")).serviceRequestId();

    assertEquals(
        "2026-07-01T12:00-05:00",
        requests.find(SPRINGFIELD, summer).orElseThrow().requestedDatetime().toString());
    assertEquals(
        "2026-12-01T11:00-06:00",
        requests.find(SPRINGFIELD, winter).orElseThrow().requestedDatetime().toString());
  }

  @Test
  void aBatchRequestGetsATokenThatResolvesToItsId() {
    ServiceRequestReceipt receipt = requests.file(TestRequests.anonymous(SPRINGFIELD, "GARB"));

    assertNull(receipt.serviceRequestId());
    assertNotNull(receipt.token());
    assertEquals("Carts are emptied within 2 days.", receipt.serviceNotice());
    TokenStatus status = requests.token(SPRINGFIELD, receipt.token()).orElseThrow();
    assertEquals(receipt.token(), status.token());
    assertEquals(
        "Missed garbage pick-up",
        requests.find(SPRINGFIELD, status.serviceRequestId()).orElseThrow().serviceName());
  }

  @Test
  void anUnknownTokenOrIdIsEmpty() {
    String token = requests.file(TestRequests.anonymous(SPRINGFIELD, "GARB")).token();

    assertTrue(requests.token(SPRINGFIELD, "no-such-token").isEmpty());
    assertTrue(requests.token("elsewhere.example.org", token).isEmpty());
    assertTrue(requests.find(SPRINGFIELD, "999999").isEmpty());
  }

  @Test
  void aBlackboxRequestAnswersOnlyTheNotice() {
    ServiceRequestReceipt receipt = requests.file(TestRequests.anonymous(SPRINGFIELD, "TIP"));

    assertEquals(
        new ServiceRequestReceipt(null, null, "Tips are read every weekday.", null), receipt);
    assertEquals(1, count("service_request"));
  }

  private long count(String table) {
    return jdbi.withHandle(
        h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
  }
}
