package dev.open311.spec.query;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.model.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A GeoReport v2 {@code GET requests} search, ready to run: newest {@code requested_datetime}
 * first, ties broken by id, at most {@link #limit} rows.
 *
 * <p>Range semantics: {@code from} inclusive, {@code to} exclusive; either may be null (open).
 *
 * @param jurisdictionId the jurisdiction searched
 * @param serviceRequestIds when not empty, these ids alone (all other filters ignored)
 * @param serviceCodes empty for all services
 * @param statuses empty for all statuses
 */
public record ServiceRequestQuery(
    String jurisdictionId,
    List<String> serviceRequestIds,
    List<String> serviceCodes,
    Set<Status> statuses,
    OffsetDateTime from,
    OffsetDateTime to,
    int limit) {

  /** The standard's cap on one response. */
  public static final int MAX_RESULTS = 1000;

  /** The standard's default window when no date is given. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

  public ServiceRequestQuery {
    serviceRequestIds = List.copyOf(serviceRequestIds);
    serviceCodes = List.copyOf(serviceCodes);
    statuses = Set.copyOf(statuses);
  }

  /**
   * Applies the standard's rules to the parsed parameters.
   *
   * <ul>
   *   <li>ids given: they override every other filter;
   *   <li>no date: the last 90 days;
   *   <li>only {@code end_date}: the 90 days before it;
   *   <li>only {@code start_date}: from it onwards;
   *   <li>both: that range, however long (answered within the 1000 cap, not refused);
   * </ul>
   *
   * @throws InvalidRequestException when {@code end_date} is before {@code start_date}
   */
  public static ServiceRequestQuery standard(
      String jurisdictionId,
      List<String> serviceRequestIds,
      List<String> serviceCodes,
      Set<Status> statuses,
      OffsetDateTime startDate,
      OffsetDateTime endDate,
      Clock clock) {
    if (!serviceRequestIds.isEmpty()) {
      return new ServiceRequestQuery(
          jurisdictionId, serviceRequestIds, List.of(), Set.of(), null, null, MAX_RESULTS);
    }
    if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
      throw new InvalidRequestException("end_date must not be before start_date");
    }
    OffsetDateTime from = startDate;
    OffsetDateTime to = endDate;
    if (startDate == null && endDate == null) {
      from = OffsetDateTime.now(clock).minus(DEFAULT_WINDOW);
    } else if (startDate == null) {
      from = endDate.minus(DEFAULT_WINDOW);
    }
    return new ServiceRequestQuery(
        jurisdictionId, List.of(), serviceCodes, statuses, from, to, MAX_RESULTS);
  }
}
