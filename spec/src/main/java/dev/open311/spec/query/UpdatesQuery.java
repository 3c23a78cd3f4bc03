package dev.open311.spec.query;

import dev.open311.spec.error.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A {@code servicerequestupdates} search: public notes made in {@code [from, to)}, oldest first,
 * at most {@link #MAX_RESULTS}; a client that gets that many continues from the last one's
 * {@code updated_datetime}.
 *
 * @param serviceRequestIds empty for every request
 * @param from inclusive; null for no lower bound
 * @param to exclusive; null for no upper bound
 */
public record UpdatesQuery(
    String jurisdictionId,
    List<String> serviceRequestIds,
    OffsetDateTime from,
    OffsetDateTime to,
    int limit) {

  /** FixMyStreet's window when a client sends no date. */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(2);

  public static final int MAX_RESULTS = 1000;

  public UpdatesQuery {
    serviceRequestIds = List.copyOf(serviceRequestIds);
  }

  /**
   * Applies the feed's rules: no date means the last two hours, or the whole history of the
   * requests named by {@code service_request_id}; only {@code end_date} means the two hours before
   * it; only {@code start_date} means from it onwards.
   *
   * @throws InvalidRequestException when {@code end_date} is before {@code start_date}
   */
  public static UpdatesQuery of(
      String jurisdictionId,
      List<String> serviceRequestIds,
      OffsetDateTime startDate,
      OffsetDateTime endDate,
      Clock clock) {
    if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
      throw new InvalidRequestException("end_date must not be before start_date");
    }
    OffsetDateTime from = startDate;
    if (startDate == null && endDate != null) {
      from = endDate.minus(DEFAULT_WINDOW);
    } else if (startDate == null && serviceRequestIds.isEmpty()) {
      from = OffsetDateTime.now(clock).minus(DEFAULT_WINDOW);
    }
    return new UpdatesQuery(jurisdictionId, serviceRequestIds, from, endDate, MAX_RESULTS);
  }
}
