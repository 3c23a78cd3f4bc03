package dev.open311.storage.dao;

import dev.open311.spec.model.Status;
import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.storage.geo.AreaTags;
import dev.open311.storage.geo.DistanceSql;
import java.util.List;
import org.jdbi.v3.core.statement.Query;

/**
 * The WHERE fragments of {@link ServiceRequestSearch}, each paired with its bindings: fixed text,
 * values always bound, never spliced, but for the status: one of an enum's two names, written as
 * a literal so that the planner can use the partial index of that status (V13). Spatial filters
 * first test {@code location <@ box}, which the GiST index on the point answers, then the exact
 * great-circle distance.
 */
final class SearchFilters {

  /** The haversine distance in meters from {@code :nearLat}/{@code :nearLong}, as in Circle. */
  static final String DISTANCE = DistanceSql.toRequest(":nearLat", ":nearLong");

  private SearchFilters() {}

  /** How a statement part writes lat/long/radius and bbox. */
  enum Spatial {
    /** Boxes the GiST index answers, then the exact distance. */
    INDEXED,
    /**
     * The exact distance and the bbox as plain comparisons, for a part that reaches rows through
     * another index: offered a GiST box, the planner would combine both indexes and sort.
     */
    COMPARED,
    /** No circle, for a part bounded by a smaller circle of its own; bbox as INDEXED. */
    WITHOUT_CIRCLE,
    /** Neither circle nor bbox, for a part whose cells lie wholly inside both. */
    NONE
  }

  /** The filters of the query, one {@code and} line each. */
  static String sql(ServiceRequestQuery query, Spatial spatial) {
    StringBuilder sql = new StringBuilder();
    append(sql, !query.serviceCodes().isEmpty(), oneOf("r.service_code", "codes", query.serviceCodes()));
    // Both statuses are every request (the column's check), so only one is a filter.
    if (query.statuses().size() == 1) {
      append(sql, true, status(query.statuses().iterator().next()));
    }
    sql.append(requestDates(query));
    if (query.near() != null && spatial != Spatial.NONE) {
      append(sql, spatial == Spatial.INDEXED, box("near"));
      append(sql, spatial != Spatial.WITHOUT_CIRCLE, DISTANCE + " <= :nearRadius");
    }
    if (query.bbox() != null && spatial != Spatial.NONE) {
      // location is point(long, lat): the comparisons are the box test, edges included
      append(
          sql,
          true,
          spatial == Spatial.COMPARED
              ? "r.long between :bboxMinLong and :bboxMaxLong"
                  + " and r.lat between :bboxMinLat and :bboxMaxLat"
              : box("bbox"));
    }
    append(
        sql,
        query.area() != null,
        "r.areas && cast(:areaTags as text[])");
    return sql.append(onChangeIndex(query, "r")).toString();
  }

  /**
   * The request dates asked for ({@code start_date}, {@code end_date}), one {@code and} line
   * each: also the bounds a walk of a time index stops at.
   */
  static String requestDates(ServiceRequestQuery query) {
    StringBuilder sql = new StringBuilder();
    append(sql, query.from() != null, "r.requested_at >= :from");
    append(sql, query.to() != null, "r.requested_at < :to");
    return sql.toString();
  }

  /**
   * The filters the change index holds (V14), on the rows of {@code alias}: update times, and for
   * a harvest its settled rows and its cursor. One {@code and} line each.
   */
  static String onChangeIndex(ServiceRequestQuery query, String alias) {
    StringBuilder sql = new StringBuilder(updateRange(query, alias));
    // Settled rows only: no transaction still running can commit a row sorting before them.
    append(
        sql,
        query.isHarvest(),
        alias + ".change_xid < pg_snapshot_xmin(pg_current_snapshot())");
    append(
        sql,
        query.after() != null,
        "(" + alias + ".change_xid, " + alias + ".id) > (cast(:afterXid as xid8), :afterId)");
    return sql.toString();
  }

  /** The update times asked for, on the rows of {@code alias}; one {@code and} line each. */
  static String updateRange(ServiceRequestQuery query, String alias) {
    StringBuilder sql = new StringBuilder();
    append(sql, query.updatedAfter() != null, alias + ".updated_at >= :updatedAfter");
    append(sql, query.updatedBefore() != null, alias + ".updated_at < :updatedBefore");
    return sql.toString();
  }

  /** Binds what {@link #sql} refers to (the circle's center and radius whenever there is one). */
  static void bind(Query statement, ServiceRequestQuery query) {
    bindOneOf(statement, "codes", query.serviceCodes());
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
      String type = query.area().areaType();
      statement.bindArray(
          "areaTags",
          String.class,
          query.area().areaKeys().stream().map(key -> AreaTags.tag(type, key)).toList());
    }
    if (query.after() != null) {
      statement
          .bind("afterXid", Long.toString(query.after().changeXid()))
          .bind("afterId", query.after().id());
    }
  }

  /**
   * A column among values. One value is written as an equality, which the planner estimates as
   * one value's share of the rows; {@code = any(array)} as several.
   */
  private static String oneOf(String column, String name, List<String> values) {
    return values.size() == 1 ? column + " = :" + name : column + " = any(:" + name + ")";
  }

  private static void bindOneOf(Query statement, String name, List<String> values) {
    if (values.size() == 1) {
      statement.bind(name, values.get(0));
    } else if (!values.isEmpty()) {
      statement.bindArray(name, String.class, values);
    }
  }

  /**
   * The equality that selects one status, with the status as a literal: with a bound value the
   * planner could not tell that the partial index of that status (V13) holds every match.
   */
  static String status(Status status) {
    return "r.status = '" + status.wireName() + "'";
  }

  private static void bindIfPresent(Query statement, String name, Object value) {
    if (value != null) {
      statement.bind(name, value);
    }
  }

  /**
   * The box the GiST index answers for a circle or box search ({@code bbox} when both are given):
   * {@code r.location <@ box(...)}, bound by {@link #bind}.
   */
  static String areaBox(ServiceRequestQuery query) {
    return box(query.bbox() != null ? "bbox" : "near");
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
