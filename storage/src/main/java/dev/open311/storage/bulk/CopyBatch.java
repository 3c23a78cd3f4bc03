package dev.open311.storage.bulk;

import dev.open311.storage.db.CopyText;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes one batch of new requests straight into the tables with COPY, inside the caller's
 * transaction: the request rows (with their area tags) with keys taken from their sequence
 * beforehand, then their notes, which need those keys. It stores exactly what {@link ImportBatch}'s upsert
 * stores for a public id the table lacks, in about half of PostgreSQL's time (no staging table,
 * no join back to it), but it cannot update: a public id already stored fails the COPY with a
 * unique violation (SQLSTATE 23505), after which the caller rolls back and writes the batch with
 * the upsert. Hence it is only tried while loading into a table that was empty.
 */
final class CopyBatch {

  private static final String KEYS =
      """
      select nextval(pg_get_serial_sequence('service_request', 'id'))
        from generate_series(1, :count)
      """;

  private static final String REQUESTS =
      """
      copy service_request (id, service_request_id, jurisdiction_id, service_id, service_code,
                            status, status_notes, agency_responsible, requested_at, updated_at,
                            closed_at, address, zipcode, lat, long, location, channel, duplicate,
                            parent_service_request_id, areas) from stdin
      """;

  private static final String NOTES =
      "copy service_request_note (request_id, type, status, datetime, summary) from stdin";

  private CopyBatch() {}

  static void write(Handle handle, String jurisdictionId, List<ImportRow> rows, long[] serviceIds) {
    long[] keys =
        handle.createQuery(KEYS).bind("count", rows.size()).mapTo(long.class).stream()
            .mapToLong(Long::longValue)
            .toArray();
    CopyText requests = new CopyText();
    CopyText notes = new CopyText();
    for (int i = 0; i < rows.size(); i++) {
      ImportRow row = rows.get(i);
      long key = keys[i];
      requests
          .number(key)
          .text(row.serviceRequestId())
          .text(jurisdictionId)
          .number(serviceIds[i])
          .text(row.serviceCode())
          .text(row.status())
          .text(row.statusNotes())
          .text(row.agency())
          .instant(row.requestedAt())
          .instant(row.updatedAt())
          .instant(row.closedAt())
          .text(row.address())
          .text(row.zipcode())
          .number(row.latitude())
          .number(row.longitude())
          .point(row.longitude(), row.latitude())
          .text(row.channel())
          .flag(row.duplicate())
          .text(row.parentServiceRequestId())
          .text(areas(row))
          .endRow();
      // The notes ImportBatch's NOTES statement writes.
      notes.number(key).text("opened").text("open").instant(row.requestedAt())
          .text("Request opened").endRow();
      if (row.closedAt() != null) {
        notes.number(key).text("closed").text("closed").instant(row.closedAt())
            .text("Request closed").endRow();
      }
    }
    copy(handle, REQUESTS, requests);
    copy(handle, NOTES, notes);
  }

  /**
   * The row's tags as a text[] literal, sorted as stored (area_tags_replaced, V12); null for none.
   * Every element is quoted, so a key may hold any character.
   */
  static String areas(ImportRow row) {
    StringBuilder literal = new StringBuilder("{");
    element(literal, "community_area", row.communityArea());
    element(literal, "police_district", row.policeDistrict());
    element(literal, "ward", row.ward());
    return literal.length() == 1 ? null : literal.append('}').toString();
  }

  private static void element(StringBuilder literal, String areaType, String areaKey) {
    if (areaKey == null) {
      return;
    }
    if (literal.length() > 1) {
      literal.append(',');
    }
    literal.append('"').append(areaType).append(':');
    for (int i = 0; i < areaKey.length(); i++) {
      char c = areaKey.charAt(i);
      if (c == '"' || c == '\\') {
        literal.append('\\');
      }
      literal.append(c);
    }
    literal.append('"');
  }

  private static void copy(Handle handle, String sql, CopyText rows) {
    try {
      CopyManager copyManager = handle.getConnection().unwrap(PGConnection.class).getCopyAPI();
      rows.copy(copyManager, sql);
    } catch (SQLException e) {
      throw new ImportBatch.CopyFailure(e);
    }
  }
}
