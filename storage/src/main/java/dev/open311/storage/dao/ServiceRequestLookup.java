package dev.open311.storage.dao;

import dev.open311.spec.model.ServiceRequest;
import dev.open311.storage.mapping.ServiceRequestMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * GET service request: one request by its public id, in one statement on the unique index of
 * {@code service_request_id}. It is the most frequent single-row read, so it is plain JDBC: JDBI's
 * per-handle configuration copy and statement machinery cost about 25 µs of CPU per call here,
 * a tenth of the whole request. The text never changes, so the driver prepares it once per
 * connection. It never touches {@code service_request_contact}.
 */
public final class ServiceRequestLookup {

  private static final String SQL =
      """
      select r.service_request_id, r.status, r.status_notes, s.service_name, r.service_code,
             r.description, r.agency_responsible, r.service_notice, r.requested_at,
             r.updated_at, r.expected_at, r.address, r.address_id, r.zipcode, r.lat, r.long,
             r.media_url, j.time_zone
        from service_request r
        join service s on s.id = r.service_id
        join jurisdiction j on j.jurisdiction_id = r.jurisdiction_id
       where r.service_request_id = ? and r.jurisdiction_id = ?
      """;

  private ServiceRequestLookup() {}

  /** The request with that public id in that jurisdiction, in the jurisdiction's time zone. */
  public static Optional<ServiceRequest> find(
      Connection connection, String jurisdictionId, String serviceRequestId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SQL)) {
      statement.setString(1, serviceRequestId);
      statement.setString(2, jurisdictionId);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            ServiceRequestMapper.fromRow(
                rs,
                ServiceRequestMapper.columns(rs),
                ServiceRequestMapper.zone(rs.getString("time_zone")),
                rs.getString("service_name")));
      }
    }
  }
}
