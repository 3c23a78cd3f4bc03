package dev.open311.spec.export;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.model.Status;
import dev.open311.spec.query.AreaFilter;
import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * Which requests the bulk feed streams: the filters of {@code GET requests}, combined as there
 * (every one given must hold). Unlike {@code GET requests} there is no 90-day window and no cap:
 * an empty filter is the jurisdiction's whole history.
 *
 * @param serviceCodes any of these codes; empty means every service
 * @param statuses any of these statuses; empty means both
 * @param start requested at or after (inclusive), or null
 * @param end requested before (exclusive), or null
 * @param updatedAfter updated strictly after, or null
 * @param updatedBefore updated before (exclusive), or null
 * @param near within this great-circle distance of a point, or null
 * @param bbox inside this box, edges included, or null
 * @param area tagged with any of these areas of one type, or null
 */
public record ExportFilter(
    String jurisdictionId,
    List<String> serviceCodes,
    Set<Status> statuses,
    OffsetDateTime start,
    OffsetDateTime end,
    OffsetDateTime updatedAfter,
    OffsetDateTime updatedBefore,
    Circle near,
    BoundingBox bbox,
    AreaFilter area) {

  /** @throws InvalidRequestException when a time range is empty */
  public ExportFilter {
    if (jurisdictionId == null) {
      throw new IllegalArgumentException("jurisdictionId is required");
    }
    serviceCodes = List.copyOf(serviceCodes);
    statuses = Set.copyOf(statuses);
    if (start != null && end != null && !start.isBefore(end)) {
      throw new InvalidRequestException("start_date must be before end_date");
    }
    if (updatedAfter != null && updatedBefore != null && !updatedAfter.isBefore(updatedBefore)) {
      throw new InvalidRequestException("updated_after must be before updated_before");
    }
  }

  /** Every request of the jurisdiction. */
  public static ExportFilter all(String jurisdictionId) {
    return new ExportFilter(
        jurisdictionId, List.of(), Set.of(), null, null, null, null, null, null, null);
  }
}
