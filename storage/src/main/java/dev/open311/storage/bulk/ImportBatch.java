package dev.open311.storage.bulk;

import dev.open311.storage.db.CopyBinary;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes one batch of imported rows, inside the caller's transaction: COPY into a temporary
 * staging table, then one set-based statement per table. Requests are upserted on their public id
 * (an unchanged row is not rewritten, so its harvest position does not move); a changed one has
 * its import-owned notes and its tags of the file's area types replaced. Never touches {@code
 * service_request_contact}.
 */
final class ImportBatch {

  // Temporary tables are private to the session and not WAL-logged; rows go at each commit.
  private static final String CREATE_STAGING =
      """
      create temp table if not exists import_staging (
        line bigint, service_request_id text, service_id bigint, service_code text,
        status text, status_notes text, agency_responsible text, requested_at timestamptz,
        updated_at timestamptz, closed_at timestamptz, address text, zipcode text,
        lat double precision, long double precision, channel text, duplicate boolean,
        parent_service_request_id text, areas text[]
      ) on commit delete rows;
      create temp table if not exists import_keys (
        id bigint, service_request_id text, inserted boolean
      ) on commit delete rows
      """;

  private static final String COPY = "copy import_staging from stdin with (format binary)";

  private static final String UPSERT =
      """
      with up as (
        insert into service_request as r
               (service_request_id, jurisdiction_id, jurisdiction_num, service_id, service_code,
                status, status_notes, agency_responsible, requested_at, updated_at, closed_at,
                address, zipcode, lat, long, location, channel, duplicate,
                parent_service_request_id, areas)
        select service_request_id, :jurisdictionId, :jurisdictionNum, service_id, service_code,
               status, status_notes, agency_responsible, requested_at, updated_at, closed_at,
               address, zipcode, lat, long, point(long, lat), channel, duplicate,
               parent_service_request_id, areas
          from import_staging
        on conflict (service_request_id) do update
           set jurisdiction_id = excluded.jurisdiction_id,
               jurisdiction_num = excluded.jurisdiction_num, service_id = excluded.service_id,
               service_code = excluded.service_code, status = excluded.status,
               status_notes = excluded.status_notes,
               agency_responsible = excluded.agency_responsible,
               requested_at = excluded.requested_at, updated_at = excluded.updated_at,
               closed_at = excluded.closed_at, address = excluded.address,
               zipcode = excluded.zipcode, lat = excluded.lat, long = excluded.long,
               location = excluded.location, channel = excluded.channel,
               duplicate = excluded.duplicate,
               parent_service_request_id = excluded.parent_service_request_id,
               -- The file's area types are replaced, the others' tags kept (V12).
               areas = area_tags_replaced(r.areas, cast(:areaTypes as text[]), excluded.areas),
               -- What the service_request_touch trigger sets, which does not fire when the
               -- batch runs with session_replication_role = replica (see Mode).
               change_xid = pg_current_xact_id()
         where (r.jurisdiction_id, r.service_id, r.status, r.status_notes, r.agency_responsible,
                r.requested_at, r.updated_at, r.closed_at, r.address, r.zipcode, r.lat, r.long,
                r.channel, r.duplicate, r.parent_service_request_id, r.areas)
               is distinct from
               (excluded.jurisdiction_id, excluded.service_id, excluded.status,
                excluded.status_notes, excluded.agency_responsible, excluded.requested_at,
                excluded.updated_at, excluded.closed_at, excluded.address, excluded.zipcode,
                excluded.lat, excluded.long, excluded.channel, excluded.duplicate,
                excluded.parent_service_request_id,
                area_tags_replaced(r.areas, cast(:areaTypes as text[]), excluded.areas))
        returning r.id, r.service_request_id, r.xmax = 0 as inserted)
      insert into import_keys select id, service_request_id, inserted from up
      """;

  // A re-imported row that changed gets its import-owned history anew.
  private static final String FORGET_CHANGED =
      """
      delete from service_request_note n using import_keys k
       where n.request_id = k.id and not k.inserted and n.type in ('opened', 'closed')
      """;

  private static final String NOTES =
      """
      insert into service_request_note (request_id, type, status, datetime, summary)
      select k.id, 'opened', 'open', s.requested_at, 'Request opened'
        from import_keys k join import_staging s using (service_request_id)
      union all
      select k.id, 'closed', 'closed', s.closed_at, 'Request closed'
        from import_keys k join import_staging s using (service_request_id)
       where s.closed_at is not null
      """;

  private ImportBatch() {}

  /**
   * How a run writes its batches.
   *
   * <p>{@code skipForeignKeyChecks}: a bulk load as a superuser runs its transactions with
   * {@code session_replication_role = replica}, as pg_restore does, so PostgreSQL does not check
   * the foreign keys of each row: every note and tag refers to a request the same transaction has
   * just written, and every request to the jurisdiction and services read at the start, so the
   * checks could not fail; but each one locks the referenced row (a request's, or the one
   * jurisdiction row shared by every request), which cost about a third of the load. Triggers do
   * not fire either; the upsert sets what service_request_touch would.
   *
   * <p>{@code copyNewRows}: while true, a batch is first tried with {@link CopyBatch}; after the
   * first batch that meets a public id already stored, the rest of the run upserts.
   */
  static final class Mode {
    static final Mode UPSERT = new Mode(false, false);

    final boolean skipForeignKeyChecks;
    private final AtomicBoolean copyNewRows;

    Mode(boolean skipForeignKeyChecks, boolean copyNewRows) {
      this.skipForeignKeyChecks = skipForeignKeyChecks;
      this.copyNewRows = new AtomicBoolean(copyNewRows);
    }
  }

  /** A COPY PostgreSQL refused. */
  static final class CopyFailure extends IllegalStateException {
    CopyFailure(SQLException cause) {
      super("COPY failed: " + cause.getMessage(), cause);
    }
  }

  /**
   * Writes the rows (one per public id; {@code serviceIds} parallel to them) in a transaction of
   * its own, on a connection of its own. A deadlock with another batch upserting the same public
   * id in the other order is retried.
   */
  static void write(Jdbi jdbi, ImportJurisdiction jurisdiction, List<ImportRow> rows,
      long[] serviceIds, Mode mode) throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    if (mode.copyNewRows.get() && copied(jdbi, jurisdiction, rows, serviceIds, mode)) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try (Handle handle = jdbi.open()) {
        handle.createScript(CREATE_STAGING).execute();
        handle.useTransaction(
            h -> {
              settings(h, mode);
              write(h, jurisdiction, rows, serviceIds);
            });
        return;
      } catch (JdbiException e) {
        if (attempt == 3 || !hasState(e, "40P01")) {
          throw e;
        }
      }
    }
  }

  /** Tries {@link CopyBatch}; false (rolled back) when a public id was stored already. */
  private static boolean copied(Jdbi jdbi, ImportJurisdiction jurisdiction, List<ImportRow> rows,
      long[] serviceIds, Mode mode) {
    try (Handle handle = jdbi.open()) {
      handle.useTransaction(
          h -> {
            settings(h, mode);
            CopyBatch.write(h, jurisdiction, rows, serviceIds);
          });
      return true;
    } catch (CopyFailure | JdbiException e) {
      if (!hasState(e, "23505")) {
        throw e;
      }
      mode.copyNewRows.set(false);
      return false;
    }
  }

  /**
   * Commits without waiting for the disk: {@link ImportRun} records a batch as done only in a
   * later transaction of its own, which commits synchronously, and PostgreSQL writes WAL in order,
   * so once that record is on disk the batch is too; a crash before it loses at most batches the
   * import has not recorded, which a resumed import writes again.
   */
  private static void settings(Handle handle, Mode mode) {
    handle.execute("set local synchronous_commit = off");
    if (mode.skipForeignKeyChecks) {
      handle.execute("set local session_replication_role = replica");
    }
  }

  private static boolean hasState(Throwable e, String sqlState) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static void write(Handle handle, ImportJurisdiction jurisdiction, List<ImportRow> rows,
      long[] serviceIds) throws IOException {
    copy(handle, rows, serviceIds);
    handle
        .createUpdate(UPSERT)
        .bind("jurisdictionId", jurisdiction.id())
        .bind("jurisdictionNum", jurisdiction.num())
        .bindArray("areaTypes", String.class, ImportRow.AREA_TYPES)
        .execute();
    handle.execute(FORGET_CHANGED);
    handle.execute(NOTES);
  }

  private static void copy(Handle handle, List<ImportRow> rows, long[] serviceIds)
      throws IOException {
    CopyBinary copy = new CopyBinary();
    for (int i = 0; i < rows.size(); i++) {
      ImportRow row = rows.get(i);
      copy.row(18)
          .int8(row.line())
          .text(row.serviceRequestId())
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
          .text(row.channel())
          .bool(row.duplicate())
          .text(row.parentServiceRequestId())
          .textArray(row.areaTags());
    }
    try {
      CopyManager copyManager =
          handle.getConnection().unwrap(PGConnection.class).getCopyAPI();
      copy.copy(copyManager, COPY);
    } catch (SQLException e) {
      throw new CopyFailure(e);
    }
  }
}
