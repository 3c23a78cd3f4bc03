package dev.open311.storage.mapping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a row of {@link dev.open311.storage.dao.ServiceRequestSearch}; written by hand for the same
 * reason as {@link ServiceRequestMapper}, to which it leaves the public fields.
 */
public final class SearchRowMapper implements RowMapper<SearchRow> {

  public static final SearchRowMapper INSTANCE = new SearchRowMapper();

  private SearchRowMapper() {}

  @Override
  public SearchRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    ZoneId zone = ServiceRequestMapper.zone(rs.getString("time_zone"));
    OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
    return new SearchRow(
        rs.getLong("id"),
        Long.parseLong(rs.getString("change_xid")),
        ServiceRequestMapper.fromRow(rs, zone),
        zone,
        rs.getString("channel"),
        rs.getBoolean("duplicate"),
        rs.getString("parent_service_request_id"),
        closedAt == null ? null : closedAt.atZoneSameInstant(zone).toOffsetDateTime());
  }
}
