package dev.open311.storage.bulk;

import dev.open311.storage.db.CopyBinary;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes one batch of new requests straight into the tables with binary COPY ({@link
 * CopyBinary}), inside the caller's transaction: the request rows (with their area tags) with keys
 * taken from their sequence beforehand, then their notes, which need those keys. It stores exactly
 * what {@link ImportBatch}'s upsert stores for a public id the table lacks, in about half of
 * PostgreSQL's time (no staging table, no join back to it), but it cannot update: a public id
 * already stored fails the COPY with a unique violation (SQLSTATE 23505), after which the caller
 * rolls back and writes the batch with the upsert. Hence it is only tried while loading into a
 * table that was empty.
 */
final class CopyBatch {

  // The sequence is looked up once, in an InitPlan: pg_get_serial_sequence in the target list
  // ran for every key, parsing the name and scanning pg_depend each time (3.6 us a key against
  // 0.26 us for nextval alone, 3 s of PostgreSQL's CPU in a million-row import).
  private static final String KEYS =
      """
      select nextval((select pg_get_serial_sequence('service_request', 'id')::regclass))
        from generate_series(1, :count)
      """;

  private static final String REQUESTS =
      """
      copy service_request (id, service_request_id, jurisdiction_id, jurisdiction_num, service_id,
                            service_code, status, status_notes, agency_responsible, requested_at,
                            updated_at, closed_at, address, zipcode, lat, long, location, channel,
                            duplicate, parent_service_request_id, areas)
      from stdin with (format binary)
      """;

  private static final String NOTES =
      "copy service_request_note (request_id, type, status, datetime, summary)"
          + " from stdin with (format binary)";

  private CopyBatch() {}

  static void write(
      Handle handle, ImportJurisdiction jurisdiction, List<ImportRow> rows, long[] serviceIds) {
    long[] keys =
        handle.createQuery(KEYS).bind("count", rows.size()).mapTo(long.class).stream()
            .mapToLong(Long::longValue)
            .toArray();
    CopyBinary requests = new CopyBinary();
    CopyBinary notes = new CopyBinary();
    for (int i = 0; i < rows.size(); i++) {
      ImportRow row = rows.get(i);
      long key = keys[i];
      requests
          .row(21)
          .int8(key)
          .text(row.serviceRequestId())
          .text(jurisdiction.id())
          .int2(jurisdiction.num())
          .int8(serviceIds[i])
          .text(row.serviceCode())
          .text(row.status())
          .text(row.statusNotes())
          .text(row.agency())
          .timestamptz(row.requestedAt())
          .timestamptz(row.updatedAt())
          .timestamptz(row.closedAt())
          .text(row.address())
          .text(row.zipcode())
          .float8(row.latitude())
          .float8(row.longitude())
          .point(row.longitude(), row.latitude())
          .text(row.channel())
          .bool(row.duplicate())
          .text(row.parentServiceRequestId())
          .textArray(row.areaTags());
      // The notes ImportBatch's NOTES statement writes.
      notes.row(5).int8(key).text("opened").text("open").timestamptz(row.requestedAt())
          .text("Request opened");
      if (row.closedAt() != null) {
        notes.row(5).int8(key).text("closed").text("closed").timestamptz(row.closedAt())
            .text("Request closed");
      }
    }
    copy(handle, REQUESTS, requests);
    copy(handle, NOTES, notes);
  }

  private static void copy(Handle handle, String sql, CopyBinary rows) {
    try {
      CopyManager copyManager = handle.getConnection().unwrap(PGConnection.class).getCopyAPI();
      rows.copy(copyManager, sql);
    } catch (SQLException e) {
      throw new ImportBatch.CopyFailure(e);
    }
  }
}
