package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.model.AttributeAnswer;
import dev.open311.spec.model.Datatype;
import dev.open311.spec.model.Location;
import dev.open311.spec.model.NewServiceRequest;
import dev.open311.spec.model.Requester;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.ServiceRequestReceipt;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestDatabases;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What filing writes, row by row, and that it writes all of it or nothing. */
@ExtendWith(SharedStorage.class)
class ServiceRequestFilingIT {

  private final Storage storage;
  private final ServiceRequests requests;
  private final Jdbi jdbi;

  ServiceRequestFilingIT(Storage storage) {
    this.storage = storage;
    this.requests = storage.serviceRequests();
    this.jdbi = TestDatabases.jdbi(storage);
  }

  @BeforeEach
  void loadCatalog() {
    storage.catalog().load(TestCatalogs.springfield());
  }

  @Test
  void answersAreStoredOneRowPerValueInOrder() {
    List<AttributeAnswer> answers =
        List.of(
            new AttributeAnswer("WHERE", Datatype.MULTIVALUELIST, List.of("LANE", "BIKE")),
            new AttributeAnswer("DEPTH", Datatype.NUMBER, List.of("4.5")));

    requests.file(TestRequests.withAnswers(SPRINGFIELD, "PHF", answers));

    assertEquals(
        List.of(
            Map.of("code", "WHERE", "datatype", "multivaluelist", "value", "LANE", "position", 0),
            Map.of("code", "WHERE", "datatype", "multivaluelist", "value", "BIKE", "position", 1),
            Map.of("code", "DEPTH", "datatype", "number", "value", "4.5", "position", 2)),
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select code, datatype, value, position from service_request_answer"
                            + " order by position")
                    .mapToMap()
                    .list()));
  }

  @Test
  void personalDataIsStoredApartAndCannotComeBackInAFoundRequest() {
    Requester requester =
        new Requester("ann@example.org", "555-0100", "Ann", "Lee", "device-1", "account-1");

    ServiceRequestReceipt receipt =
        requests.file(TestRequests.from(SPRINGFIELD, "PHF", requester, TestRequests.CITY_HALL));

    assertNull(receipt.accountId(), "account_id is never echoed");
    assertEquals(
        List.of(
            Map.of(
                "email", "ann@example.org",
                "phone", "555-0100",
                "first_name", "Ann",
                "last_name", "Lee",
                "device_id", "device-1",
                "account_id", "account-1")),
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select email, phone, first_name, last_name, device_id, account_id"
                            + " from service_request_contact")
                    .mapToMap()
                    .list()));
    List<String> publicFields =
        Arrays.stream(ServiceRequest.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();
    for (String personal :
        List.of("email", "phone", "firstName", "lastName", "deviceId", "accountId")) {
      assertFalse(publicFields.contains(personal), personal);
    }
  }

  @Test
  void anAnonymousRequestHasNoContactRow() {
    requests.file(TestRequests.anonymous(SPRINGFIELD, "PHF"));

    assertEquals(0, count("service_request_contact"));
  }

  @Test
  void coordinatesAreStoredAsAPointOfLongitudeAndLatitude() {
    requests.file(TestRequests.anonymous(SPRINGFIELD, "PHF"));
    Location addressOnly = new Location(null, null, "City Hall", null);
    String noPoint =
        requests
            .file(TestRequests.from(SPRINGFIELD, "PHF", Requester.ANONYMOUS, addressOnly))
            .serviceRequestId();

    assertEquals(
        List.of(-87.6320, 41.8837),
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select location[0] as x, location[1] as y from service_request"
                            + " where location is not null")
                    .map((rs, ctx) -> List.of(rs.getDouble("x"), rs.getDouble("y")))
                    .one()));
    ServiceRequest withoutCoordinates = requests.find(SPRINGFIELD, noPoint).orElseThrow();
    assertNull(withoutCoordinates.latitude());
    assertNull(withoutCoordinates.longitude());
  }

  @Test
  void anUnknownServiceIsNotFoundAndWritesNothing() {
    NotFoundException error =
        assertThrows(
            NotFoundException.class,
            () -> requests.file(TestRequests.anonymous(SPRINGFIELD, "NOPE")));

    assertEquals(404, error.status());
    assertEquals(0, count("service_request"));
  }

  @Test
  void aFailureAfterTheRequestRowRollsBackEverything() {
    Requester requester = new Requester("ann@example.org", null, null, null, null, null);
    NewServiceRequest broken =
        new NewServiceRequest(
            SPRINGFIELD,
            "PHF",
            TestRequests.CITY_HALL,
            null,
            null,
            requester,
            // A null code violates service_request_answer.code not null: the last insert fails.
            List.of(new AttributeAnswer(null, Datatype.STRING, List.of("x"))));

    assertThrows(RuntimeException.class, () -> requests.file(broken));

    assertEquals(0, count("service_request"));
    assertEquals(0, count("service_request_contact"));
    assertEquals(0, count("service_request_answer"));
  }

  private long count(String table) {
    return jdbi.withHandle(
        h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
  }
}
