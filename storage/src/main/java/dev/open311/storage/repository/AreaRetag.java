package dev.open311.storage.repository;

import dev.open311.spec.port.Areas.RetagProgress;
import dev.open311.spec.port.Areas.RetagReport;
import dev.open311.storage.geo.AreaIndex;
import dev.open311.storage.geo.AreaLocator.AreaRef;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Rewrites the area tags of requests with coordinates, for some types, inside the caller's
 * transaction. Requests are read in id order a batch at a time (a primary-key range scan: almost
 * every request is in some area, so a spatial pre-filter would read the same rows at more cost),
 * located in memory, their old tags of those types deleted and the new ones written with COPY. Tags
 * of requests without coordinates are left alone: they came from elsewhere (an import).
 */
final class AreaRetag {

  static final int BATCH = 50_000;

  /** Beyond this many recently changed requests, re-tagging them all is the cheaper path. */
  private static final int CHANGED_AT_MOST = 4 * BATCH;

  private final Handle handle;
  private final AreaIndex index;
  private final String[] types;
  private long requests;
  private long tagged;

  /**
   * @param index the areas of {@code types} only, as they are once the transaction commits
   */
  private AreaRetag(Handle handle, AreaIndex index, Collection<String> types) {
    this.handle = handle;
    this.index = index;
    this.types = types.toArray(String[]::new);
  }

  /** Re-tags every request with coordinates. */
  static RetagReport all(
      Handle handle, AreaIndex index, Collection<String> types, RetagProgress progress) {
    long started = System.nanoTime();
    AreaRetag retag = new AreaRetag(handle, index, types);
    long[] range =
        handle
            .createQuery("select coalesce(min(id), 0), coalesce(max(id), 0) from service_request")
            .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .one();
    // A type loaded for the first time has no tags to delete: skip a probe per batch.
    boolean hadTags =
        handle
            .createQuery(
                "select exists (select 1 from service_request_area where area_type = any(:types))")
            .bind("types", retag.types)
            .mapTo(Boolean.class)
            .one();
    Batch batch;
    long after = range[0] - 1;
    while ((batch = retag.nextBatch(after)).size() > 0) {
      retag.write(batch, hadTags);
      after = batch.ids()[batch.size() - 1];
      progress.update(retag.requests, (after - range[0] + 1) / (double) (range[1] - range[0] + 1));
    }
    return retag.report(started);
  }

  /**
   * Re-tags the requests written by transactions that had not finished when {@code xmin} was the
   * oldest one running: the ones a server may have tagged with boundaries it no longer holds.
   */
  static RetagReport changedSince(
      Handle handle, AreaIndex index, Collection<String> types, long xmin) {
    long started = System.nanoTime();
    AreaRetag retag = new AreaRetag(handle, index, types);
    // jurisdiction_id leads the change index; the jurisdictions are few.
    String changed =
        """
         from service_request
        where jurisdiction_id in (select jurisdiction_id from jurisdiction)
          and change_xid >= :xmin::text::xid8 and location is not null
        """;
    long count =
        handle.createQuery("select count(*) " + changed).bind("xmin", xmin).mapTo(Long.class).one();
    if (count > CHANGED_AT_MOST) {
      return all(handle, index, types, RetagProgress.NONE);
    }
    Batch batch =
        handle
            .createQuery("select id, location[0], location[1] " + changed + " order by id")
            .bind("xmin", xmin)
            .scanResultSet((results, ctx) -> Batch.read(results.get(), (int) count));
    if (batch.size() > 0) {
      retag.write(batch, true);
    }
    return retag.report(started);
  }

  private Batch nextBatch(long after) {
    return handle
        .createQuery(
            """
            select id, location[0], location[1] from service_request
             where id > :after and location is not null
             order by id limit :limit
            """)
        .bind("after", after)
        .bind("limit", BATCH)
        .scanResultSet((results, ctx) -> Batch.read(results.get(), BATCH));
  }

  private void write(Batch batch, boolean deleteOld) {
    if (deleteOld) {
      handle
          .createUpdate(
              "delete from service_request_area"
                  + " where request_id = any(:ids) and area_type = any(:types)")
          .bind("ids", batch.ids())
          .bind("types", types)
          .execute();
    }
    StringBuilder rows = new StringBuilder(batch.size() * 24);
    for (int i = 0; i < batch.size(); i++) {
      List<AreaRef> found = index.locate(batch.latitudes()[i], batch.longitudes()[i]);
      for (AreaRef area : found) {
        rows.append(batch.ids()[i]).append('\t');
        escape(area.areaType(), rows).append('\t');
        escape(area.areaKey(), rows).append('\n');
      }
      tagged += found.isEmpty() ? 0 : 1;
    }
    requests += batch.size();
    if (rows.isEmpty()) {
      return;
    }
    try {
      handle
          .getConnection()
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "copy service_request_area (request_id, area_type, area_key) from stdin",
              new StringReader(rows.toString()));
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("writing area tags failed: " + e.getMessage(), e);
    }
  }

  /** COPY's text format: backslash, tab, newline and carriage return are escaped. */
  private static StringBuilder escape(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out;
  }

  private RetagReport report(long startedNanos) {
    return new RetagReport(requests, tagged, (System.nanoTime() - startedNanos) / 1e9);
  }

  /** Requests as parallel arrays: no object per row on a path that sees ten million. */
  private record Batch(long[] ids, double[] longitudes, double[] latitudes, int size) {

    /** Every row of the results; {@code expected} sizes the arrays, which grow if need be. */
    static Batch read(ResultSet results, int expected) throws SQLException {
      int capacity = Math.max(expected, 16);
      long[] ids = new long[capacity];
      double[] longitudes = new double[capacity];
      double[] latitudes = new double[capacity];
      int size = 0;
      while (results.next()) {
        if (size == ids.length) {
          ids = Arrays.copyOf(ids, size * 2);
          longitudes = Arrays.copyOf(longitudes, size * 2);
          latitudes = Arrays.copyOf(latitudes, size * 2);
        }
        ids[size] = results.getLong(1);
        longitudes[size] = results.getDouble(2);
        latitudes[size] = results.getDouble(3);
        size++;
      }
      return new Batch(
          size == ids.length ? ids : Arrays.copyOf(ids, size), longitudes, latitudes, size);
    }
  }
}
