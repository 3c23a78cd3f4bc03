package dev.open311.storage.repository;

import dev.open311.spec.port.Areas.RetagProgress;
import dev.open311.spec.port.Areas.RetagReport;
import dev.open311.storage.geo.AreaIndex;
import dev.open311.storage.mapping.ServiceRequestMapping;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Re-tags requests with coordinates for some types, inside the caller's transaction: requests are
 * read in id order a batch at a time (a primary-key range scan: almost every request is in some
 * area, so a spatial pre-filter would read the same rows at more cost) and handed to an {@link
 * AreaTagWriter}. Tags of requests without coordinates are left alone: they came from elsewhere,
 * e.g. an import's ward column.
 */
final class AreaRetag {

  static final int BATCH = 50_000;

  private AreaRetag() {}

  /** Re-tags every request with coordinates. */
  static RetagReport all(
      Handle handle, AreaIndex index, Collection<String> types, RetagProgress progress) {
    long started = System.nanoTime();
    String[] typeArray = types.toArray(String[]::new);
    AreaTagWriter writer = new AreaTagWriter(handle, index, typeArray);
    long[] range =
        handle
            .createQuery("select coalesce(min(id), 0), coalesce(max(id), 0) from service_request")
            .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .one();
    long after = range[0] - 1;
    Batch batch;
    while ((batch = nextBatch(handle, after)).size() > 0) {
      writer.write(
          batch.ids(), batch.longitudes(), batch.latitudes(), batch.areas(), batch.size());
      after = batch.ids()[batch.size() - 1];
      progress.update(
          writer.requests(), (after - range[0] + 1) / (double) (range[1] - range[0] + 1));
    }
    return report(writer, started);
  }

  /**
   * Re-tags the requests filed through the GeoReport API by transactions that had not finished
   * when {@code xmin} was the oldest one running: the ones a server may have tagged with
   * boundaries it no longer holds. Only filings are tagged from a server's boundaries in memory;
   * an import writes its file's areas, which a re-tag here would replace for the rows that
   * happened to be written in the seconds after a load and keep for the others.
   */
  static RetagReport changedSince(
      Handle handle, AreaIndex index, Collection<String> types, long xmin) {
    long started = System.nanoTime();
    // Planned for the xmin given, the statement reads the change index from it (the last seconds'
    // rows: 1,000 in 1.3 ms at 18M requests). The pool's generic plans guess a third of the table
    // for a range on a parameter and walk the whole primary key in id order instead.
    handle.execute("set local plan_cache_mode = force_custom_plan");
    AreaTagWriter writer = new AreaTagWriter(handle, index, types.toArray(String[]::new));
    long after = 0;
    Batch batch;
    while ((batch = nextFiled(handle, xmin, after)).size() > 0) {
      writer.write(
          batch.ids(), batch.longitudes(), batch.latitudes(), batch.areas(), batch.size());
      after = batch.ids()[batch.size() - 1];
    }
    return report(writer, started);
  }

  private static Batch nextFiled(Handle handle, long xmin, long after) {
    return handle
        .createQuery(
            """
            select id, location[0], location[1], areas from service_request
             -- jurisdiction_num leads the change index; the jurisdictions are few.
             where jurisdiction_num in (select num from jurisdiction)
               and change_xid >= :xmin::text::xid8 and location is not null
               and channel = :channel and id > :after
             order by id limit :limit
            """)
        .bind("xmin", xmin)
        .bind("channel", ServiceRequestMapping.API_CHANNEL)
        .bind("after", after)
        .bind("limit", BATCH)
        .scanResultSet((results, ctx) -> Batch.read(results, ctx, 16));
  }

  private static Batch nextBatch(Handle handle, long after) {
    return handle
        .createQuery(
            """
            select id, location[0], location[1], areas from service_request
             where id > :after and location is not null
             order by id limit :limit
            """)
        .bind("after", after)
        .bind("limit", BATCH)
        .scanResultSet((results, ctx) -> Batch.read(results, ctx, BATCH));
  }

  private static RetagReport report(AreaTagWriter writer, long startedNanos) {
    return new RetagReport(
        writer.requests(),
        writer.tagged(),
        writer.changed(),
        (System.nanoTime() - startedNanos) / 1e9);
  }

  /** Requests as parallel arrays: no object per row on a path that sees ten million. */
  private record Batch(
      long[] ids, double[] longitudes, double[] latitudes, String[][] areas, int size) {

    /**
     * Every row of the results; {@code expected} sizes the arrays, which grow if need be. The
     * statement is closed here: Jdbi leaves that to a scanner, and a statement left open keeps
     * its rows until the handle closes (a 10M-request re-tag ran out of heap that way).
     */
    static Batch read(Supplier<ResultSet> supplier, StatementContext context, int expected)
        throws SQLException {
      try (context) {
        return read(supplier.get(), expected);
      }
    }

    private static Batch read(ResultSet results, int expected) throws SQLException {
      int capacity = Math.max(expected, 16);
      long[] ids = new long[capacity];
      double[] longitudes = new double[capacity];
      double[] latitudes = new double[capacity];
      String[][] areas = new String[capacity][];
      int size = 0;
      while (results.next()) {
        if (size == ids.length) {
          ids = Arrays.copyOf(ids, size * 2);
          longitudes = Arrays.copyOf(longitudes, size * 2);
          latitudes = Arrays.copyOf(latitudes, size * 2);
          areas = Arrays.copyOf(areas, size * 2);
        }
        ids[size] = results.getLong(1);
        longitudes[size] = results.getDouble(2);
        latitudes[size] = results.getDouble(3);
        Array tags = results.getArray(4);
        areas[size] = tags == null ? null : (String[]) tags.getArray();
        size++;
      }
      return new Batch(ids, longitudes, latitudes, areas, size);
    }
  }
}
