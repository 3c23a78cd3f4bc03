package dev.open311.storage.dao;

import dev.open311.spec.model.Status;
import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.storage.mapping.SearchRow;
import dev.open311.storage.mapping.SearchRowMapper;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * GET requests as one statement. It is the one query whose WHERE clause depends on the call, so it
 * is assembled here from fixed fragments (values are always bound, never spliced) instead of living
 * in a SqlObject. It never touches {@code service_request_contact}.
 *
 * <p>Spatial filters first test {@code location <@ box}, which the GiST index on the point
 * answers, then the exact great-circle distance (the same haversine as {@link Circle}). Each
 * order has an index that yields it without a sort: {@code (jurisdiction_id, requested_at desc,
 * id desc)} for the standard one, {@code (jurisdiction_id, change_xid, id)} for a harvest.
 */
public final class ServiceRequestSearch {

  private static final String SELECT =
      """
      select r.id, r.change_xid::text as change_xid, r.service_request_id, r.status,
             r.status_notes, s.service_name, r.service_code, r.description,
             r.agency_responsible, r.service_notice, r.requested_at, r.updated_at, r.expected_at,
             r.address, r.address_id, r.zipcode, r.lat, r.long, r.media_url, r.channel,
             r.duplicate, r.parent_service_request_id, r.closed_at, j.time_zone
        from service_request r
        join service s on s.id = r.service_id
        join jurisdiction j on j.jurisdiction_id = r.jurisdiction_id
       where r.jurisdiction_id = :jurisdictionId
      """;

  private static final String DISTANCE =
      "2 * "
          + Circle.EARTH_RADIUS_METERS
          + " * asin(least(1, sqrt(power(sin(radians(r.lat - :nearLat) / 2), 2)"
          + " + cos(radians(:nearLat)) * cos(radians(r.lat))"
          + " * power(sin(radians(r.long - :nearLong) / 2), 2))))";

  private static final String NEWEST = " order by r.requested_at desc, r.id desc";
  private static final String NEAREST = " order by " + DISTANCE + ", r.id";
  private static final String HARVEST = " order by r.change_xid, r.id";

  private ServiceRequestSearch() {}

  /** The rows the query selects, in its order, datetimes in the jurisdiction's time zone. */
  public static List<SearchRow> find(Handle handle, ServiceRequestQuery query) {
    StringBuilder sql = new StringBuilder(SELECT);
    Query statement;
    if (!query.serviceRequestIds().isEmpty()) {
      // The standard: ids given, every other filter is ignored.
      sql.append("   and r.service_request_id = any(:ids)\n").append(NEWEST).append(" limit :limit");
      statement = handle.createQuery(sql.toString());
      statement.bindArray("ids", String.class, query.serviceRequestIds());
    } else {
      appendFilters(sql, query);
      sql.append(
          switch (query.order()) {
            case NEWEST -> NEWEST;
            case DISTANCE -> NEAREST;
            case HARVEST -> HARVEST;
          });
      sql.append(" limit :limit");
      if (query.offset() > 0) {
        sql.append(" offset :offset");
      }
      statement = handle.createQuery(sql.toString());
      bindFilters(statement, query);
    }
    return statement
        .bind("jurisdictionId", query.jurisdictionId())
        .bind("limit", query.limit())
        .map(SearchRowMapper.INSTANCE)
        .list();
  }

  private static void appendFilters(StringBuilder sql, ServiceRequestQuery query) {
    append(sql, !query.serviceCodes().isEmpty(), "r.service_code = any(:codes)");
    append(sql, !query.statuses().isEmpty(), "r.status = any(:statuses)");
    append(sql, query.from() != null, "r.requested_at >= :from");
    append(sql, query.to() != null, "r.requested_at < :to");
    append(sql, query.updatedAfter() != null, "r.updated_at >= :updatedAfter");
    append(sql, query.updatedBefore() != null, "r.updated_at < :updatedBefore");
    if (query.near() != null) {
      append(sql, true, box("near"));
      append(sql, true, DISTANCE + " <= :nearRadius");
    }
    append(sql, query.bbox() != null, box("bbox"));
    append(
        sql,
        query.area() != null,
        """
        exists (select 1 from service_request_area a
                 where a.request_id = r.id and a.area_type = :areaType
                   and a.area_key = any(:areaKeys))""");
    // Settled rows only: no transaction still running can commit a row sorting before them.
    append(sql, query.isHarvest(), "r.change_xid < pg_snapshot_xmin(pg_current_snapshot())");
    append(sql, query.after() != null, "(r.change_xid, r.id) > (cast(:afterXid as xid8), :afterId)");
  }

  private static void bindFilters(Query statement, ServiceRequestQuery query) {
    if (!query.serviceCodes().isEmpty()) {
      statement.bindArray("codes", String.class, query.serviceCodes());
    }
    if (!query.statuses().isEmpty()) {
      statement.bindArray(
          "statuses", String.class, query.statuses().stream().map(Status::wireName).toList());
    }
    bindIfPresent(statement, "from", query.from());
    bindIfPresent(statement, "to", query.to());
    bindIfPresent(statement, "updatedAfter", query.updatedAfter());
    bindIfPresent(statement, "updatedBefore", query.updatedBefore());
    if (query.near() != null) {
      bindBox(statement, "near", query.near().bounds());
      statement
          .bind("nearLat", query.near().latitude())
          .bind("nearLong", query.near().longitude())
          .bind("nearRadius", query.near().radiusMeters());
    }
    if (query.bbox() != null) {
      bindBox(statement, "bbox", query.bbox());
    }
    if (query.area() != null) {
      statement.bind("areaType", query.area().areaType());
      statement.bindArray("areaKeys", String.class, query.area().areaKeys());
    }
    if (query.after() != null) {
      statement
          .bind("afterXid", Long.toString(query.after().changeXid()))
          .bind("afterId", query.after().id());
    }
    if (query.offset() > 0) {
      statement.bind("offset", query.offset());
    }
  }

  private static void bindIfPresent(Query statement, String name, Object value) {
    if (value != null) {
      statement.bind(name, value);
    }
  }

  private static String box(String prefix) {
    return "r.location <@ box(point(:%1$sMinLong, :%1$sMinLat), point(:%1$sMaxLong, :%1$sMaxLat))"
        .formatted(prefix);
  }

  private static void bindBox(Query statement, String prefix, BoundingBox box) {
    statement
        .bind(prefix + "MinLong", box.minLongitude())
        .bind(prefix + "MinLat", box.minLatitude())
        .bind(prefix + "MaxLong", box.maxLongitude())
        .bind(prefix + "MaxLat", box.maxLatitude());
  }

  private static void append(StringBuilder sql, boolean condition, String predicate) {
    if (condition) {
      sql.append("   and ").append(predicate).append('\n');
    }
  }
}
