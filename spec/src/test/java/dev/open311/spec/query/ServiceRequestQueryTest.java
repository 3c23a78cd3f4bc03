package dev.open311.spec.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.model.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GET requests filters: ids override, the 90-day default window, the 1000 cap (digest §1.5). */
class ServiceRequestQueryTest {

  private static final Instant NOW = Instant.parse("2024-05-02T14:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("America/Chicago"));
  private static final List<String> CODES = List.of("PHF", "SGA");
  private static final Set<Status> OPEN = Set.of(Status.OPEN);
  private static final OffsetDateTime START = OffsetDateTime.parse("2024-01-01T00:00:00-06:00");
  private static final OffsetDateTime END = OffsetDateTime.parse("2024-03-01T00:00:00-06:00");

  @Test
  void idsOverrideEveryOtherFilter() {
    ServiceRequestQuery query =
        ServiceRequestQuery.standard(
            "cityofchicago.org", List.of("24-000123", "24-000124"), CODES, OPEN, START, END, CLOCK);

    assertEquals("cityofchicago.org", query.jurisdictionId());
    assertEquals(List.of("24-000123", "24-000124"), query.serviceRequestIds());
    assertTrue(query.serviceCodes().isEmpty());
    assertTrue(query.statuses().isEmpty());
    assertNull(query.from());
    assertNull(query.to());
    assertEquals(1000, query.limit());
  }

  @Test
  void idsOverrideEvenAnEndBeforeTheStart() {
    ServiceRequestQuery query =
        ServiceRequestQuery.standard(
            "cityofchicago.org", List.of("24-000123"), CODES, OPEN, END, START, CLOCK);

    assertNull(query.from());
    assertNull(query.to());
  }

  @Test
  void noDatesSearchesTheNinetyDaysBeforeNow() {
    ServiceRequestQuery query = standard(null, null);

    assertEquals(Instant.parse("2024-02-02T14:00:00Z"), query.from().toInstant());
    assertNull(query.to());
  }

  @Test
  void noDatesKeepsTheOtherFilters() {
    ServiceRequestQuery query = standard(null, null);

    assertEquals(CODES, query.serviceCodes());
    assertEquals(OPEN, query.statuses());
    assertTrue(query.serviceRequestIds().isEmpty());
  }

  @Test
  void onlyAnEndDateSearchesTheNinetyDaysBeforeIt() {
    ServiceRequestQuery query = standard(null, END);

    assertEquals(END.minusDays(90).toInstant(), query.from().toInstant());
    assertEquals(
        OffsetDateTime.parse("2023-12-02T00:00:00-06:00").toInstant(), query.from().toInstant());
    assertEquals(END, query.to());
  }

  @Test
  void onlyAStartDateSearchesFromItWithoutAnEnd() {
    ServiceRequestQuery query = standard(START, null);

    assertEquals(START, query.from());
    assertNull(query.to());
  }

  @Test
  void bothDatesFourHundredDaysApartAreKeptAsGiven() {
    OffsetDateTime end = START.plusDays(400);

    ServiceRequestQuery query = standard(START, end);

    assertEquals(START, query.from());
    assertEquals(end, query.to());
    assertEquals(ServiceRequestQuery.MAX_RESULTS, query.limit());
  }

  @Test
  void equalStartAndEndAreAccepted() {
    ServiceRequestQuery query = standard(START, START);

    assertEquals(START, query.from());
    assertEquals(START, query.to());
  }

  @Test
  void endBeforeStartIsRefused() {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> standard(END, START));

    assertEquals(400, e.status());
    assertTrue(e.errors().get(0).description().contains("end_date"));
  }

  @Test
  void endBeforeStartIsJudgedByInstantNotByClockReading() {
    OffsetDateTime start = OffsetDateTime.parse("2024-01-01T10:00:00Z");
    OffsetDateTime earlierInstantLaterReading = OffsetDateTime.parse("2024-01-01T10:30:00+01:00");

    assertThrows(InvalidRequestException.class, () -> standard(start, earlierInstantLaterReading));
  }

  @Test
  void everySearchIsCappedAtMaxResults() {
    assertEquals(1000, ServiceRequestQuery.MAX_RESULTS);
    assertEquals(ServiceRequestQuery.MAX_RESULTS, standard(null, null).limit());
    assertEquals(ServiceRequestQuery.MAX_RESULTS, standard(START, null).limit());
    assertEquals(ServiceRequestQuery.MAX_RESULTS, standard(null, END).limit());
  }

  @Test
  void queryCopiesItsListsSoCallersCannotChangeIt() {
    List<String> codes = new java.util.ArrayList<>(CODES);
    ServiceRequestQuery query =
        ServiceRequestQuery.standard(
            "cityofchicago.org", List.of(), codes, OPEN, null, null, CLOCK);

    codes.add("GRAF");

    assertEquals(CODES, query.serviceCodes());
  }

  private static ServiceRequestQuery standard(OffsetDateTime start, OffsetDateTime end) {
    return ServiceRequestQuery.standard(
        "cityofchicago.org", List.of(), CODES, OPEN, start, end, CLOCK);
  }
}
