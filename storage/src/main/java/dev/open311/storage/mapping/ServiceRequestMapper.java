package dev.open311.storage.mapping;

import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Maps a row of {@link dev.open311.storage.dao.ServiceRequestSearch} and {@link
 * dev.open311.storage.dao.ServiceRequestLookup} to the public request. Written
 * by hand because it sits on the hottest read path: JDBI's reflective ConstructorMapper costs about
 * a third of that endpoint's throughput (DEPENDENCIES.md, trap 13). Datetimes are given at the
 * offset the jurisdiction's zone has at that instant, as residents read them.
 */
public final class ServiceRequestMapper {

  /** Zones by id: a handful per deployment, and {@code ZoneId.of} parses the id every time. */
  private static final ConcurrentMap<String, ZoneId> ZONES = new ConcurrentHashMap<>();

  private ServiceRequestMapper() {}

  /** The request on the result set's current row. */
  public static ServiceRequest fromRow(ResultSet rs) throws SQLException {
    return fromRow(rs, zone(rs.getString("time_zone")));
  }

  /** The request on the current row, its datetimes in that zone (the row's time_zone, known). */
  static ServiceRequest fromRow(ResultSet rs, ZoneId zone) throws SQLException {
    return new ServiceRequest(
        rs.getString("service_request_id"),
        Status.fromWire(rs.getString("status")),
        rs.getString("status_notes"),
        rs.getString("service_name"),
        rs.getString("service_code"),
        rs.getString("description"),
        rs.getString("agency_responsible"),
        rs.getString("service_notice"),
        inZone(rs, "requested_at", zone),
        inZone(rs, "updated_at", zone),
        inZone(rs, "expected_at", zone),
        rs.getString("address"),
        rs.getString("address_id"),
        rs.getString("zipcode"),
        rs.getObject("lat", Double.class),
        rs.getObject("long", Double.class),
        rs.getString("media_url"));
  }

  /** The zone of that id, parsed once per id. */
  static ZoneId zone(String id) {
    return ZONES.computeIfAbsent(id, ZoneId::of);
  }

  private static OffsetDateTime inZone(ResultSet rs, String column, ZoneId zone)
      throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.atZoneSameInstant(zone).toOffsetDateTime();
  }
}
