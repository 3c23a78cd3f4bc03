package dev.open311.storage.bulk;

import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.export.ExportFilter;
import dev.open311.spec.export.ExportedRequest;
import dev.open311.spec.export.RequestFeed;
import dev.open311.spec.model.Status;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * The research feed from PostgreSQL through a server-side cursor: inside a read-only transaction
 * the driver fetches {@link #FETCH_SIZE} rows at a time, so memory stays flat however many rows
 * match. One statement, ordered by the storage key; area tags are pivoted per request. It never
 * reads {@code service_request_contact}.
 */
public final class PostgresRequestFeed implements RequestFeed {

  static final int FETCH_SIZE = 5_000;

  private static final String SELECT =
      """
      select r.service_request_id, r.status, r.status_notes, s.service_name, r.service_code,
             r.description, r.agency_responsible, r.service_notice, r.requested_at,
             r.updated_at, r.expected_at, r.address, r.address_id, r.zipcode, r.lat, r.long,
             r.media_url, r.channel, r.duplicate, r.parent_service_request_id, r.closed_at,
             a.ward, a.community_area, a.police_district
        from service_request r
        join service s on s.id = r.service_id
        left join lateral (
          select min(area_key) filter (where area_type = 'ward') as ward,
                 min(area_key) filter (where area_type = 'community_area') as community_area,
                 min(area_key) filter (where area_type = 'police_district') as police_district
            from service_request_area
           where request_id = r.id) a on true
       where r.jurisdiction_id = :jurisdictionId
      """;

  private final Jdbi jdbi;

  public PostgresRequestFeed(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** @throws NotFoundException when the jurisdiction is unknown */
  @Override
  public long stream(ExportFilter filter, Sink sink) throws IOException {
    return jdbi.inTransaction(handle -> stream(handle, filter, sink));
  }

  private static long stream(Handle handle, ExportFilter filter, Sink sink) throws IOException {
    handle.execute("set transaction read only");
    ZoneId zone =
        handle
            .createQuery("select time_zone from jurisdiction where jurisdiction_id = :j")
            .bind("j", filter.jurisdictionId())
            .mapTo(String.class)
            .findOne()
            .map(ZoneId::of)
            .orElseThrow(() -> NotFoundException.jurisdiction(filter.jurisdictionId()));
    ResultIterable<ExportedRequest> rows =
        query(handle, filter)
            .setFetchSize(FETCH_SIZE)
            // Binary transfer from the first execution: timestamps and numbers then arrive as
            // machine values instead of text the driver has to parse, row after row.
            .addCustomizer(
                new StatementCustomizer() {
                  @Override
                  public void beforeExecution(PreparedStatement statement, StatementContext ctx)
                      throws SQLException {
                    statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                  }
                })
            .map((rs, ctx) -> map(rs, zone));
    long count = 0;
    try (ResultIterator<ExportedRequest> iterator = rows.iterator()) {
      while (iterator.hasNext()) {
        sink.accept(iterator.next());
        count++;
      }
    }
    return count;
  }

  private static Query query(Handle handle, ExportFilter filter) {
    StringBuilder sql = new StringBuilder(SELECT);
    if (!filter.serviceCodes().isEmpty()) {
      sql.append("   and r.service_code = any(:codes)\n");
    }
    if (!filter.statuses().isEmpty()) {
      sql.append("   and r.status = any(:statuses)\n");
    }
    if (filter.start() != null) {
      sql.append("   and r.requested_at >= :start\n");
    }
    if (filter.end() != null) {
      sql.append("   and r.requested_at < :end\n");
    }
    if (filter.updatedAfter() != null) {
      sql.append("   and r.updated_at > :updatedAfter\n");
    }
    sql.append(" order by r.id");
    Query query =
        handle.createQuery(sql.toString()).bind("jurisdictionId", filter.jurisdictionId());
    if (!filter.serviceCodes().isEmpty()) {
      query.bindArray("codes", String.class, filter.serviceCodes());
    }
    if (!filter.statuses().isEmpty()) {
      query.bindArray(
          "statuses", String.class, filter.statuses().stream().map(Status::wireName).toList());
    }
    if (filter.start() != null) {
      query.bind("start", filter.start());
    }
    if (filter.end() != null) {
      query.bind("end", filter.end());
    }
    if (filter.updatedAfter() != null) {
      query.bind("updatedAfter", filter.updatedAfter());
    }
    return query;
  }

  // Hand-written: this mapper runs for every exported row (DEPENDENCIES.md, trap 13).
  private static ExportedRequest map(ResultSet rs, ZoneId zone) throws SQLException {
    return new ExportedRequest(
        rs.getString(1),
        "open".equals(rs.getString(2)) ? Status.OPEN : Status.CLOSED,
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        inZone(rs, 9, zone),
        inZone(rs, 10, zone),
        inZone(rs, 11, zone),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        number(rs, 15),
        number(rs, 16),
        rs.getString(17),
        rs.getString(18),
        rs.getBoolean(19),
        rs.getString(20),
        inZone(rs, 21, zone),
        rs.getString(22),
        rs.getString(23),
        rs.getString(24));
  }

  private static OffsetDateTime inZone(ResultSet rs, int column, ZoneId zone) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.atZoneSameInstant(zone).toOffsetDateTime();
  }

  private static Double number(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
