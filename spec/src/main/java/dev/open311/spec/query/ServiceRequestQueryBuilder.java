package dev.open311.spec.query;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.model.Status;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * The parsed parameters of GET requests, turned into a {@link ServiceRequestQuery} by the rules of
 * the standard and of the extensions (README, "GET requests parameters"):
 *
 * <ul>
 *   <li>{@code service_request_id} overrides every other filter (the standard);
 *   <li>a call with {@code page}, {@code page_size}, {@code updated_after}, {@code
 *       updated_before} or {@code cursor} is paged: 50 rows by default, at most 500, and not
 *       bound by the 90-day window; any other call has the window and the 1000 cap;
 *   <li>{@code updated_after}, {@code updated_before} or {@code cursor} make it a harvest,
 *       ordered by change, which {@code sort=distance} and {@code page} with a cursor contradict.
 * </ul>
 */
public final class ServiceRequestQueryBuilder {

  private final String jurisdictionId;
  private List<String> serviceRequestIds = List.of();
  private List<String> serviceCodes = List.of();
  private Set<Status> statuses = Set.of();
  private OffsetDateTime startDate;
  private OffsetDateTime endDate;
  private Circle near;
  private BoundingBox bbox;
  private AreaFilter area;
  private Integer page;
  private Integer pageSize;
  private OffsetDateTime updatedAfter;
  private OffsetDateTime updatedBefore;
  private boolean sortByDistance;
  private HarvestCursor cursor;
  private boolean extensions;

  ServiceRequestQueryBuilder(String jurisdictionId) {
    this.jurisdictionId = jurisdictionId;
  }

  public ServiceRequestQueryBuilder serviceRequestIds(List<String> ids) {
    this.serviceRequestIds = ids;
    return this;
  }

  public ServiceRequestQueryBuilder serviceCodes(List<String> codes) {
    this.serviceCodes = codes;
    return this;
  }

  public ServiceRequestQueryBuilder statuses(Set<Status> statuses) {
    this.statuses = statuses;
    return this;
  }

  public ServiceRequestQueryBuilder startDate(OffsetDateTime startDate) {
    this.startDate = startDate;
    return this;
  }

  public ServiceRequestQueryBuilder endDate(OffsetDateTime endDate) {
    this.endDate = endDate;
    return this;
  }

  public ServiceRequestQueryBuilder near(Circle near) {
    this.near = near;
    return this;
  }

  public ServiceRequestQueryBuilder bbox(BoundingBox bbox) {
    this.bbox = bbox;
    return this;
  }

  public ServiceRequestQueryBuilder area(AreaFilter area) {
    this.area = area;
    return this;
  }

  /** Either may be null (not given); they are checked by {@link Paging#of}. */
  public ServiceRequestQueryBuilder page(Integer page, Integer pageSize) {
    this.page = page;
    this.pageSize = pageSize;
    return this;
  }

  public ServiceRequestQueryBuilder updated(OffsetDateTime after, OffsetDateTime before) {
    this.updatedAfter = after;
    this.updatedBefore = before;
    return this;
  }

  public ServiceRequestQueryBuilder sortByDistance(boolean sortByDistance) {
    this.sortByDistance = sortByDistance;
    return this;
  }

  public ServiceRequestQueryBuilder cursor(HarvestCursor cursor) {
    this.cursor = cursor;
    return this;
  }

  public ServiceRequestQueryBuilder extensions(boolean extensions) {
    this.extensions = extensions;
    return this;
  }

  /**
   * @throws InvalidRequestException when parameters contradict each other
   */
  public ServiceRequestQuery build(Clock clock) {
    Paging paging = Paging.of(page, pageSize);
    if (!serviceRequestIds.isEmpty()) {
      return new ServiceRequestQuery(
          jurisdictionId, serviceRequestIds, List.of(), Set.of(), null, null, null, null, null,
          null, null, SearchOrder.NEWEST, null, 0, ServiceRequestQuery.MAX_RESULTS, extensions);
    }
    checkRange(startDate, endDate, "end_date", "start_date");
    checkRange(updatedAfter, updatedBefore, "updated_before", "updated_after");
    if (sortByDistance && near == null) {
      throw new InvalidRequestException("sort=distance needs lat and long");
    }
    boolean harvest = updatedAfter != null || updatedBefore != null || cursor != null;
    if (harvest && sortByDistance) {
      throw new InvalidRequestException(
          "sort=distance cannot be combined with updated_after, updated_before or cursor,"
              + " which page in the harvest order");
    }
    if (cursor != null && page != null) {
      throw new InvalidRequestException("cursor continues after its position: leave out page");
    }
    boolean paged = harvest || page != null || pageSize != null;
    OffsetDateTime from = startDate;
    if (!paged && startDate == null) {
      from =
          (endDate == null ? OffsetDateTime.now(clock) : endDate)
              .minus(ServiceRequestQuery.DEFAULT_WINDOW);
    }
    SearchOrder order =
        harvest ? SearchOrder.HARVEST : sortByDistance ? SearchOrder.DISTANCE : SearchOrder.NEWEST;
    return new ServiceRequestQuery(
        jurisdictionId, List.of(), serviceCodes, statuses, from, endDate, near, bbox, area,
        updatedAfter, updatedBefore, order, cursor, paged ? paging.offset() : 0,
        paged ? paging.pageSize() : ServiceRequestQuery.MAX_RESULTS, extensions);
  }

  private static void checkRange(
      OffsetDateTime start, OffsetDateTime end, String endName, String startName) {
    if (start != null && end != null && end.isBefore(start)) {
      throw new InvalidRequestException(endName + " must not be before " + startName);
    }
  }
}
