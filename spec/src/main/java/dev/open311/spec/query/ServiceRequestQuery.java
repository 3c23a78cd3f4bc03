package dev.open311.spec.query;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.model.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A GeoReport v2 {@code GET requests} search, ready to run: every filter, the order, and the
 * slice ({@code offset}, at most {@code limit} rows). Build one from parameters with {@link
 * #builder}, which applies the standard's rules and the extensions' ones once.
 *
 * <p>Range semantics: {@code from} and {@code updatedAfter} inclusive, {@code to} and {@code
 * updatedBefore} exclusive; each may be null (open). Every other filter may be null or empty
 * (none).
 *
 * @param serviceRequestIds when not empty, these ids alone (all other filters ignored)
 * @param serviceCodes empty for all services
 * @param statuses empty for all statuses
 * @param near {@code lat}/{@code long}/{@code radius}
 * @param bbox {@code bbox}
 * @param area {@code area_type}/{@code area}
 * @param after a harvest continues after this position (order {@link SearchOrder#HARVEST} only)
 * @param extensions whether attributes, extended_attributes and notes are wanted
 */
public record ServiceRequestQuery(
    String jurisdictionId,
    List<String> serviceRequestIds,
    List<String> serviceCodes,
    Set<Status> statuses,
    OffsetDateTime from,
    OffsetDateTime to,
    Circle near,
    BoundingBox bbox,
    AreaFilter area,
    OffsetDateTime updatedAfter,
    OffsetDateTime updatedBefore,
    SearchOrder order,
    HarvestCursor after,
    long offset,
    int limit,
    boolean extensions) {

  /** The standard's cap on one response. */
  public static final int MAX_RESULTS = 1000;

  /** The standard's default window when no date is given. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

  public ServiceRequestQuery {
    serviceRequestIds = List.copyOf(serviceRequestIds);
    serviceCodes = List.copyOf(serviceCodes);
    statuses = Set.copyOf(statuses);
    Objects.requireNonNull(order, "order");
    if (order == SearchOrder.DISTANCE && near == null) {
      throw new IllegalArgumentException("a distance order needs a point");
    }
    if (after != null && order != SearchOrder.HARVEST) {
      throw new IllegalArgumentException("a cursor continues a harvest only");
    }
  }

  /** This search for every service and status; its other filters, order and slice kept. */
  public ServiceRequestQuery withoutServicesAndStatuses() {
    return new ServiceRequestQuery(jurisdictionId, serviceRequestIds, List.of(), Set.of(), from,
        to, near, bbox, area, updatedAfter, updatedBefore, order, after, offset, limit,
        extensions);
  }

  /** This search over every update time, from the start: no update range and no cursor. */
  public ServiceRequestQuery withoutUpdateRangeAndCursor() {
    return new ServiceRequestQuery(jurisdictionId, serviceRequestIds, serviceCodes, statuses,
        from, to, near, bbox, area, null, null, order, null, offset, limit, extensions);
  }

  /** A standard search without any extension: newest first from the first row. */
  public ServiceRequestQuery(
      String jurisdictionId,
      List<String> serviceRequestIds,
      List<String> serviceCodes,
      Set<Status> statuses,
      OffsetDateTime from,
      OffsetDateTime to,
      int limit) {
    this(
        jurisdictionId, serviceRequestIds, serviceCodes, statuses, from, to, null, null, null,
        null, null, SearchOrder.NEWEST, null, 0, limit, false);
  }

  /** Collects parsed parameters; {@link ServiceRequestQueryBuilder#build} applies the rules. */
  public static ServiceRequestQueryBuilder builder(String jurisdictionId) {
    return new ServiceRequestQueryBuilder(jurisdictionId);
  }

  /** One request by its public id, as GET requests/{id} asks for it. */
  public static ServiceRequestQuery byId(
      String jurisdictionId, String serviceRequestId, boolean extensions) {
    return new ServiceRequestQuery(
        jurisdictionId, List.of(serviceRequestId), List.of(), Set.of(), null, null, null, null,
        null, null, null, SearchOrder.NEWEST, null, 0, 1, extensions);
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
    return builder(jurisdictionId)
        .serviceRequestIds(serviceRequestIds)
        .serviceCodes(serviceCodes)
        .statuses(statuses)
        .startDate(startDate)
        .endDate(endDate)
        .build(clock);
  }

  /** Whether this is a harvest call, whose answers carry the next cursor. */
  public boolean isHarvest() {
    return order == SearchOrder.HARVEST;
  }
}
