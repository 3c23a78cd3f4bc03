package dev.open311.storage.mapping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps a row of {@link dev.open311.storage.dao.ServiceRequestSearch}; written by hand for the same
 * reasons as {@link ServiceRequestMapper}, to which it leaves the public fields. Columns are found
 * once per result set ({@link #specialize}). The rows come without the catalog tables: the zone is
 * the jurisdiction's, and service names come from the search (see {@link CatalogNames}).
 */
public final class SearchRowMapper implements RowMapper<SearchRow> {

  private final ZoneId zone;
  private final UnaryOperator<String> serviceNames;

  /** @param serviceNames the name of the service with a code */
  public SearchRowMapper(ZoneId zone, UnaryOperator<String> serviceNames) {
    this.zone = zone;
    this.serviceNames = serviceNames;
  }

  @Override
  public RowMapper<SearchRow> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
    ServiceRequestMapper.Columns columns = ServiceRequestMapper.columns(rs);
    int id = rs.findColumn("id");
    int changeXid = rs.findColumn("change_xid");
    int channel = rs.findColumn("channel");
    int duplicate = rs.findColumn("duplicate");
    int parent = rs.findColumn("parent_service_request_id");
    int closedAt = rs.findColumn("closed_at");
    return (row, context) ->
        new SearchRow(
            row.getLong(id),
            Long.parseLong(row.getString(changeXid)),
            ServiceRequestMapper.fromRow(
                row, columns, zone, serviceNames.apply(row.getString(columns.serviceCode()))),
            zone,
            row.getString(channel),
            row.getBoolean(duplicate),
            row.getString(parent),
            ServiceRequestMapper.inZone(row, closedAt, zone));
  }

  @Override
  public SearchRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return specialize(rs, ctx).map(rs, ctx);
  }
}
