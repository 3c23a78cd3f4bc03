package dev.open311.storage.bulk;

import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.export.ExportFilter;
import dev.open311.spec.export.ExportWriter;
import dev.open311.spec.export.ExportedRequest;
import dev.open311.spec.export.RequestFeed;
import dev.open311.spec.model.Status;
import dev.open311.spec.query.AreaFilter;
import dev.open311.spec.query.BoundingBox;
import dev.open311.storage.geo.AreaTags;
import dev.open311.storage.geo.DistanceSql;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * The research feed from PostgreSQL as one binary {@code COPY (select ...) TO STDOUT}: PostgreSQL
 * streams the rows without waiting for the client between batches (a cursor's fetches would),
 * this thread decodes them and a {@link HandOff} thread formats and writes them, so the three
 * overlap. Memory stays flat however many rows match. One statement, ordered by the storage key,
 * inside a read-only transaction; area tags are pivoted per request, here. It never reads
 * {@code service_request_contact}.
 *
 * <p>COPY takes no bind parameters, so the filter's values travel as transaction-local settings
 * ({@code set_config} with bound values) that the statement reads with {@code current_setting},
 * once each ({@link #setting}): no value is ever spliced into SQL text. A box, circle or area
 * list is first tried on a sample of the table ({@link #readInKeyOrder}).
 */
public final class PostgresRequestFeed implements RequestFeed {

  private static final String COLUMNS =
      """
      select r.areas, r.service_request_id, r.status, r.status_notes, s.service_name,
             r.service_code, r.description, r.agency_responsible, r.service_notice, r.requested_at,
             r.updated_at, r.expected_at, r.address, r.address_id, r.zipcode, r.lat, r.long,
             r.media_url, r.channel, r.duplicate, r.parent_service_request_id, r.closed_at
        from service_request r
        join service s on s.id = r.service_id
      """;

  private static final String SETTINGS =
      """
      select time_zone,
             set_config('open311.feed.jurisdiction', jurisdiction_id, true),
             set_config('open311.feed.codes', cast(:codes as text[])::text, true),
             set_config('open311.feed.statuses', cast(:statuses as text[])::text, true),
             set_config('open311.feed.start', cast(:start as timestamptz)::text, true),
             set_config('open311.feed.end', cast(:end as timestamptz)::text, true),
             set_config('open311.feed.updated_after', cast(:updatedAfter as timestamptz)::text,
                        true),
             set_config('open311.feed.updated_before',
                        cast(:updatedBefore as timestamptz)::text, true),
             set_config('open311.feed.near_box', cast(:nearBox as box)::text, true),
             set_config('open311.feed.near_lat', cast(:nearLat as float8)::text, true),
             set_config('open311.feed.near_long', cast(:nearLong as float8)::text, true),
             set_config('open311.feed.near_radius', cast(:nearRadius as float8)::text, true),
             set_config('open311.feed.bbox', cast(:bbox as box)::text, true),
             set_config('open311.feed.areas', cast(:areas as text[])::text, true)
        from jurisdiction
       where jurisdiction_id = :jurisdictionId
      """;

  private static final int SAMPLED_PAGES = 1_000;
  private static final double KEY_ORDER_SHARE = 0.05;

  // The areas column stands for the export's three area fields.
  private static final int FIELDS = ExportWriter.FIELDS.size() - 2;

  private final Jdbi jdbi;

  public PostgresRequestFeed(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** @throws NotFoundException when the jurisdiction is unknown */
  @Override
  public long stream(ExportFilter filter, Sink sink) throws IOException {
    return jdbi.inTransaction(handle -> stream(handle, filter, sink));
  }

  private static long stream(Handle handle, ExportFilter filter, Sink sink) throws IOException {
    handle.execute("set transaction read only");
    ZoneId zone = setFilter(handle, filter);
    if (readInKeyOrder(handle, filter)) {
      // Sorting is what the planner then gives up: the key index, in order, is left.
      handle.execute("set local enable_sort = off");
    }
    String copy = "copy (" + select(filter) + ") to stdout with (format binary)";
    long count = 0;
    try {
      PGConnection connection = handle.getConnection().unwrap(PGConnection.class);
      PGCopyInputStream in = new PGCopyInputStream(connection, copy);
      try (HandOff writer = new HandOff(sink)) {
        CopyBinaryReader rows = new CopyBinaryReader(in);
        for (int fields = rows.nextRow(); fields >= 0; fields = rows.nextRow()) {
          if (fields != FIELDS) {
            throw new IOException(
                "binary COPY row of " + fields + " fields, " + FIELDS + " expected");
          }
          writer.accept(read(rows, zone));
          count++;
        }
        rows.end();
        writer.finish();
      } finally {
        abandon(connection, in);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the feed's COPY failed: " + e.getMessage(), e);
    }
    return count;
  }

  /**
   * Puts the filter's values in this transaction's settings, where {@link #conditions} reads them.
   *
   * @return the jurisdiction's time zone
   * @throws NotFoundException when the jurisdiction is unknown
   */
  static ZoneId setFilter(Handle handle, ExportFilter filter) {
    return handle
        .createQuery(SETTINGS)
        .bind("jurisdictionId", filter.jurisdictionId())
        .bindArray("codes", String.class, filter.serviceCodes())
        .bindArray(
            "statuses", String.class, filter.statuses().stream().map(Status::wireName).toList())
        .bind("start", filter.start())
        .bind("end", filter.end())
        .bind("updatedAfter", filter.updatedAfter())
        .bind("updatedBefore", filter.updatedBefore())
        .bind("nearBox", filter.near() == null ? null : box(filter.near().bounds()))
        .bind("nearLat", filter.near() == null ? null : filter.near().latitude())
        .bind("nearLong", filter.near() == null ? null : filter.near().longitude())
        .bind("nearRadius", filter.near() == null ? null : filter.near().radiusMeters())
        .bind("bbox", filter.bbox() == null ? null : box(filter.bbox()))
        .bindArray("areas", String.class, areaTags(filter.area()))
        .map((rs, ctx) -> rs.getString("time_zone"))
        .findOne()
        .map(ZoneId::of)
        .orElseThrow(() -> NotFoundException.jurisdiction(filter.jurisdictionId()));
  }

  /**
   * Stops a COPY left unfinished (the sink failed, e.g. the client went away): the backend is
   * asked to cancel and what it sent meanwhile is read to the error, so the connection goes back
   * to the pool in step with the protocol. (Closing the stream mid-COPY left the driver's protocol
   * state broken for the next user of the connection.)
   */
  private static void abandon(PGConnection connection, PGCopyInputStream in) {
    if (!in.isActive()) {
      return;
    }
    try {
      connection.cancelQuery();
      while (in.readFromCopy() != null) {
        // discarded
      }
    } catch (SQLException expected) {
      // 57014, canceling statement due to user request: the COPY is over.
    }
  }

  private static String select(ExportFilter filter) {
    return COLUMNS + " where " + conditions(filter) + " order by r.id";
  }

  /** The filter as one SQL condition on the request {@code r}, read from the settings. */
  private static String conditions(ExportFilter filter) {
    StringBuilder sql =
        new StringBuilder("r.jurisdiction_id = " + setting("jurisdiction", "text") + "\n");
    if (!filter.serviceCodes().isEmpty()) {
      // The cast makes the subquery an expression: any((select ...)) would compare each row.
      sql.append("   and r.service_code = any(" + setting("codes", "text[]") + "::text[])\n");
    }
    if (!filter.statuses().isEmpty()) {
      sql.append("   and r.status = any(" + setting("statuses", "text[]") + "::text[])\n");
    }
    if (filter.start() != null) {
      sql.append("   and r.requested_at >= " + setting("start", "timestamptz") + "\n");
    }
    if (filter.end() != null) {
      sql.append("   and r.requested_at < " + setting("end", "timestamptz") + "\n");
    }
    if (filter.updatedAfter() != null) {
      sql.append(
          "   and r.updated_at > " + setting("updated_after", "timestamptz") + "\n");
    }
    if (filter.updatedBefore() != null) {
      sql.append(
          "   and r.updated_at < " + setting("updated_before", "timestamptz") + "\n");
    }
    if (filter.near() != null) {
      // The box is what the GiST index on the point answers; the distance decides.
      sql.append("   and r.location <@ " + setting("near_box", "box") + "\n");
      sql.append("   and ")
          .append(
              DistanceSql.toRequest(
                  setting("near_lat", "float8"),
                  setting("near_long", "float8")))
          .append(" <= " + setting("near_radius", "float8") + "\n");
    }
    if (filter.bbox() != null) {
      sql.append("   and r.location <@ " + setting("bbox", "box") + "\n");
    }
    if (filter.area() != null) {
      sql.append("   and r.areas && " + setting("areas", "text[]") + "\n");
    }
    return sql.toString();
  }

  /**
   * A filter's value, read once per statement: a scalar subquery is computed once and its value
   * used for every row, where {@code current_setting} itself would be called, and the text cast,
   * for each row (a box parsed 10M times cost a city-wide export 25 s).
   */
  private static String setting(String name, String type) {
    return "(select current_setting('open311.feed." + name + "')::" + type + ")";
  }

  /**
   * Whether the feed should read the rows in key order rather than let the planner gather them
   * through the GiST or GIN index and sort them. PostgreSQL cannot tell how many rows a box, a
   * circle or a list of areas keeps (its estimate for {@code <@} on points is a constant 0.1%),
   * so it always chose the index and the sort: a city-wide box over 10M requests sorted 2 GB on
   * disk and sent its first byte after 40 s. A sample of about {@value #SAMPLED_PAGES} pages
   * tells; when the filter keeps more than {@value #KEY_ORDER_SHARE} of the rows, they are read
   * in key order, streamed from the first one. Other filters are left to the planner, which
   * already reads them in key order when they keep many rows.
   */
  static boolean readInKeyOrder(Handle handle, ExportFilter filter) {
    if (filter.near() == null && filter.bbox() == null && filter.area() == null) {
      return false;
    }
    // The table's size, not pg_class.relpages, which stays 0 until the table is first vacuumed.
    double percent =
        handle
            .createQuery(
                """
                select least(100, 100.0 * :pages
                       / greatest(pg_relation_size('service_request')
                                  / current_setting('block_size')::int, 1))
                """)
            .bind("pages", SAMPLED_PAGES)
            .mapTo(double.class)
            .one();
    // The percentage is a number this code computed, written in: TABLESAMPLE takes no setting.
    double[] counts =
        handle
            .createQuery(
                "select count(*), count(*) filter (where " + conditions(filter) + ")"
                    + " from service_request r tablesample system (" + percent + ")"
                    + " repeatable (311)")
            .map((rs, ctx) -> new double[] {rs.getLong(1), rs.getLong(2)})
            .one();
    return counts[0] > 0 && counts[1] / counts[0] > KEY_ORDER_SHARE;
  }

  /** A box as PostgreSQL reads it: its two corners, each (long, lat) as the points are stored. */
  private static String box(BoundingBox box) {
    return "(" + box.minLongitude() + "," + box.minLatitude() + "),("
        + box.maxLongitude() + "," + box.maxLatitude() + ")";
  }

  private static List<String> areaTags(AreaFilter area) {
    return area == null
        ? List.of()
        : area.areaKeys().stream().map(key -> AreaTags.tag(area.areaType(), key)).toList();
  }

  // Hand-written: this runs for every exported row (DEPENDENCIES.md, trap 13).
  private static ExportedRequest read(CopyBinaryReader row, ZoneId zone) throws IOException {
    String[] areas = row.textArray();
    return new ExportedRequest(
        row.text(),
        "open".equals(row.text()) ? Status.OPEN : Status.CLOSED,
        row.text(),
        row.text(),
        row.text(),
        row.text(),
        row.text(),
        row.text(),
        inZone(row, zone),
        inZone(row, zone),
        inZone(row, zone),
        row.text(),
        row.text(),
        row.text(),
        row.float8(),
        row.float8(),
        row.text(),
        row.text(),
        row.bool(),
        row.text(),
        inZone(row, zone),
        key(areas, "ward"),
        key(areas, "community_area"),
        key(areas, "police_district"));
  }

  /** The request's area of that type; the least key when it lies in several (on a border). */
  private static String key(String[] areas, String areaType) {
    String least = null;
    if (areas != null) {
      for (String tag : areas) {
        if (AreaTags.isOf(tag, areaType)) {
          String key = AreaTags.key(tag);
          least = least == null || key.compareTo(least) < 0 ? key : least;
        }
      }
    }
    return least;
  }

  private static OffsetDateTime inZone(CopyBinaryReader row, ZoneId zone) throws IOException {
    Instant value = row.timestamp();
    return value == null ? null : OffsetDateTime.ofInstant(value, zone);
  }
}
