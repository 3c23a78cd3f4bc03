package dev.open311.spec.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.error.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extensions' rules: paging lifts the window, updated_* make a harvest, conflicts are 400s. */
class ServiceRequestQueryBuilderTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-05-02T14:00:00Z"), ZoneId.of("America/Chicago"));
  private static final OffsetDateTime EPOCH = OffsetDateTime.parse("1970-01-01T00:00:00Z");
  private static final Circle NEAR = new Circle(41.88, -87.63, 500);

  private static ServiceRequestQueryBuilder builder() {
    return ServiceRequestQuery.builder("cityofchicago.org");
  }

  @Test
  void anUnpagedSearchKeepsTheStandardWindowAndCap() {
    ServiceRequestQuery query = builder().near(NEAR).build(CLOCK);

    assertEquals(Instant.parse("2024-02-02T14:00:00Z"), query.from().toInstant());
    assertEquals(1000, query.limit());
    assertEquals(0, query.offset());
    assertEquals(SearchOrder.NEWEST, query.order());
    assertEquals(NEAR, query.near());
  }

  @Test
  void aPagedSearchHasNoWindowAndFiftyRowsByDefault() {
    ServiceRequestQuery query = builder().page(2, null).build(CLOCK);

    assertNull(query.from());
    assertEquals(50, query.limit());
    assertEquals(50, query.offset());
  }

  @Test
  void pageSizeAloneMakesAPagedSearch() {
    ServiceRequestQuery query = builder().page(null, 500).build(CLOCK);

    assertNull(query.from());
    assertEquals(500, query.limit());
  }

  @Test
  void anEndDateInAPagedSearchIsAnUpperBoundOnly() {
    OffsetDateTime end = OffsetDateTime.parse("2024-01-01T00:00:00Z");
    ServiceRequestQuery query = builder().page(1, 10).endDate(end).build(CLOCK);

    assertNull(query.from());
    assertEquals(end, query.to());
  }

  @Test
  void updatedAfterMakesAPagedHarvest() {
    ServiceRequestQuery query = builder().updated(EPOCH, null).build(CLOCK);

    assertEquals(SearchOrder.HARVEST, query.order());
    assertTrue(query.isHarvest());
    assertNull(query.from());
    assertEquals(50, query.limit());
    assertEquals(EPOCH, query.updatedAfter());
  }

  @Test
  void aCursorAloneMakesAHarvestStartingAfterIt() {
    HarvestCursor cursor = new HarvestCursor(900, 7);
    ServiceRequestQuery query = builder().cursor(cursor).page(null, 100).build(CLOCK);

    assertEquals(SearchOrder.HARVEST, query.order());
    assertEquals(cursor, query.after());
    assertEquals(0, query.offset());
    assertEquals(100, query.limit());
  }

  @Test
  void sortDistanceOrdersByDistance() {
    assertEquals(
        SearchOrder.DISTANCE, builder().near(NEAR).sortByDistance(true).build(CLOCK).order());
  }

  @Test
  void sortDistanceWithoutAPointIsRefused() {
    assertThrows(InvalidRequestException.class, () -> builder().sortByDistance(true).build(CLOCK));
  }

  @Test
  void sortDistanceInAHarvestIsRefused() {
    assertThrows(
        InvalidRequestException.class,
        () -> builder().near(NEAR).sortByDistance(true).updated(EPOCH, null).build(CLOCK));
  }

  @Test
  void aCursorWithAPageIsRefused() {
    assertThrows(
        InvalidRequestException.class,
        () -> builder().cursor(new HarvestCursor(1, 1)).page(2, null).build(CLOCK));
  }

  @Test
  void updatedBeforeBeforeUpdatedAfterIsRefused() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> builder().updated(EPOCH.plusDays(1), EPOCH).build(CLOCK));
    assertTrue(e.getMessage().contains("updated_before"), e.getMessage());
  }

  @Test
  void idsStillOverrideEveryFilterButKeepTheExtensions() {
    ServiceRequestQuery query =
        builder()
            .serviceRequestIds(List.of("1"))
            .near(NEAR)
            .area(new AreaFilter("ward", List.of("42")))
            .updated(EPOCH, null)
            .page(3, 10)
            .extensions(true)
            .build(CLOCK);

    assertNull(query.near());
    assertNull(query.area());
    assertNull(query.updatedAfter());
    assertEquals(SearchOrder.NEWEST, query.order());
    assertEquals(0, query.offset());
    assertTrue(query.extensions());
  }

  @Test
  void anInvalidPageSizeIsRefusedEvenWithIds() {
    assertThrows(
        InvalidRequestException.class,
        () -> builder().serviceRequestIds(List.of("1")).page(1, 501).build(CLOCK));
  }

  @Test
  void theStandardConstructorMeansNoExtension() {
    ServiceRequestQuery query =
        new ServiceRequestQuery("x", List.of(), List.of(), java.util.Set.of(), null, null, 10);

    assertEquals(SearchOrder.NEWEST, query.order());
    assertFalse(query.extensions());
    assertNull(query.near());
  }

  @Test
  void areaNeedsItsTypeAndTypeNeedsAnArea() {
    assertThrows(InvalidRequestException.class, () -> AreaFilter.of(null, List.of("42")));
    assertThrows(InvalidRequestException.class, () -> AreaFilter.of("ward", List.of()));
    assertNull(AreaFilter.of(null, List.of()));
    assertEquals(List.of("42", "43"), AreaFilter.of("ward", List.of("42", "43")).areaKeys());
  }

  @Test
  void updatesDefaultToTheLastTwoHours() {
    UpdatesQuery query = UpdatesQuery.of("x", List.of(), null, null, CLOCK);

    assertEquals(Instant.parse("2024-05-02T12:00:00Z"), query.from().toInstant());
    assertNull(query.to());
  }

  @Test
  void updatesOfNamedRequestsWithoutDatesCoverTheirWholeHistory() {
    UpdatesQuery query = UpdatesQuery.of("x", List.of("12"), null, null, CLOCK);

    assertNull(query.from());
    assertNull(query.to());
  }

  @Test
  void updatesWithOnlyAnEndCoverTheTwoHoursBeforeIt() {
    OffsetDateTime end = OffsetDateTime.parse("2024-05-01T10:00:00Z");
    UpdatesQuery query = UpdatesQuery.of("x", List.of(), null, end, CLOCK);

    assertEquals(end.minusHours(2), query.from());
    assertEquals(end, query.to());
  }

  @Test
  void updatesWithAnEndBeforeTheStartAreRefused() {
    assertThrows(
        InvalidRequestException.class,
        () -> UpdatesQuery.of("x", List.of(), EPOCH.plusDays(1), EPOCH, CLOCK));
  }
}
