package dev.open311.storage.mapping;

import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.Status;
import dev.open311.storage.db.PostgresTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Maps a row of {@link dev.open311.storage.dao.ServiceRequestSearch} and {@link
 * dev.open311.storage.dao.ServiceRequestLookup} to the public request. Written by hand because it
 * sits on the hottest read paths (a page maps 50 rows): JDBI's reflective ConstructorMapper cost
 * about a third of GET request's throughput (DEPENDENCIES.md, trap 13), and even the driver's
 * by-name getters cost a tenth of a page's server CPU (a column lookup, and for
 * {@code getObject(name, OffsetDateTime.class)} a long chain of type tests). So columns are found
 * once per result set ({@link #columns}) and read by position, timestamps from their binary form.
 * Datetimes are given at the offset the jurisdiction's zone has at that instant, as residents read
 * them. The request's own columns only: the service name and the zone are the caller's to give.
 */
public final class ServiceRequestMapper {

  /** Zones by id: a handful per deployment, and {@code ZoneId.of} parses the id every time. */
  private static final ConcurrentMap<String, ZoneId> ZONES = new ConcurrentHashMap<>();

  /** The positions of the request's columns in one result set. */
  public record Columns(
      int serviceRequestId,
      int status,
      int statusNotes,
      int serviceCode,
      int description,
      int agencyResponsible,
      int serviceNotice,
      int requestedAt,
      int updatedAt,
      int expectedAt,
      int address,
      int addressId,
      int zipcode,
      int lat,
      int longitude,
      int mediaUrl) {}

  private ServiceRequestMapper() {}

  /** Finds the columns by name, once per result set. */
  public static Columns columns(ResultSet rs) throws SQLException {
    return new Columns(
        rs.findColumn("service_request_id"),
        rs.findColumn("status"),
        rs.findColumn("status_notes"),
        rs.findColumn("service_code"),
        rs.findColumn("description"),
        rs.findColumn("agency_responsible"),
        rs.findColumn("service_notice"),
        rs.findColumn("requested_at"),
        rs.findColumn("updated_at"),
        rs.findColumn("expected_at"),
        rs.findColumn("address"),
        rs.findColumn("address_id"),
        rs.findColumn("zipcode"),
        rs.findColumn("lat"),
        rs.findColumn("long"),
        rs.findColumn("media_url"));
  }

  /**
   * The request on the current row, its datetimes in the jurisdiction's zone. The service's name
   * is the catalog's, which the caller joined or knows.
   */
  public static ServiceRequest fromRow(ResultSet rs, Columns c, ZoneId zone, String serviceName)
      throws SQLException {
    return new ServiceRequest(
        rs.getString(c.serviceRequestId()),
        Status.fromWire(rs.getString(c.status())),
        rs.getString(c.statusNotes()),
        serviceName,
        rs.getString(c.serviceCode()),
        rs.getString(c.description()),
        rs.getString(c.agencyResponsible()),
        rs.getString(c.serviceNotice()),
        inZone(rs, c.requestedAt(), zone),
        inZone(rs, c.updatedAt(), zone),
        inZone(rs, c.expectedAt(), zone),
        rs.getString(c.address()),
        rs.getString(c.addressId()),
        rs.getString(c.zipcode()),
        nullableDouble(rs, c.lat()),
        nullableDouble(rs, c.longitude()),
        rs.getString(c.mediaUrl()));
  }

  /** The zone of that id, parsed once per id. */
  public static ZoneId zone(String id) {
    return ZONES.computeIfAbsent(id, ZoneId::of);
  }

  /**
   * A timestamptz column at the zone's offset, or null. The driver sends a statement's results in
   * binary once it has prepared it on the server (from the fifth execution on a connection), where
   * the value is its 8 bytes of microseconds; before that, as text, which no 8-byte value is.
   */
  static OffsetDateTime inZone(ResultSet rs, int column, ZoneId zone) throws SQLException {
    byte[] raw = rs.getBytes(column);
    if (raw == null) {
      return null;
    }
    if (raw.length != 8) {
      return rs.getObject(column, OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime();
    }
    long micros = 0;
    for (byte b : raw) {
      micros = (micros << 8) | (b & 0xff);
    }
    return OffsetDateTime.ofInstant(PostgresTime.instant(micros), zone);
  }

  private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
