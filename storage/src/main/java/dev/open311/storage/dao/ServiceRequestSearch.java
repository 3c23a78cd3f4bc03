package dev.open311.storage.dao;

import dev.open311.spec.model.Status;
import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import dev.open311.spec.query.SearchOrder;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.storage.dao.SearchFilters.Spatial;
import dev.open311.storage.mapping.CatalogNames;
import dev.open311.storage.mapping.SearchRow;
import dev.open311.storage.mapping.SearchRowMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * GET requests as one statement. It is the one query whose WHERE clause depends on the call, so it
 * is assembled here from fixed fragments ({@link SearchFilters}) instead of living in a SqlObject.
 * It never touches {@code service_request_contact}.
 *
 * <p>Each order has an index that yields it without sorting the whole match: {@code
 * (jurisdiction_num, requested_at desc, id desc)} for the standard one (partial per status, and by
 * service in {@link #codeArms}), {@code (jurisdiction_num, change_xid, id)} for a harvest, the
 * GiST index's nearest-neighbour scan for {@code sort=distance} (see {@link #NEAREST_CTES};
 * the cell index lists a window of dates, {@link #nearestInWindowCells}), and the cell index for
 * the newest requests in a small circle ({@link NewestNearby}). The
 * jurisdiction's number comes from {@link JurisdictionNum#OF} (V13).
 */
public final class ServiceRequestSearch {

  static final String COLUMNS =
      """
      select r.id, r.change_xid::text as change_xid, r.service_request_id, r.status,
             r.status_notes, r.service_code, r.description,
             r.agency_responsible, r.service_notice, r.requested_at, r.updated_at, r.expected_at,
             r.address, r.address_id, r.zipcode, r.lat, r.long, r.media_url, r.channel,
             r.duplicate, r.parent_service_request_id, r.closed_at
      """;

  // No join with service or jurisdiction: names and zone come from the catalog in memory
  // (CatalogNames), which took a sixth of PostgreSQL's time for a page of 50.
  private static final String JOINS =
      """
       where r.jurisdiction_id = :jurisdictionId
      """;

  // The requests of the jurisdiction, as the indexes that lead with its number (V13) select them.
  static final String OF_JURISDICTION =
      "   where r.jurisdiction_num = " + JurisdictionNum.OF + "\n";

  // The page RecentCells tells, by tuple id, with its check; fixed texts, so each is parsed once.
  private static final String CHECKED_ROWS =
      COLUMNS + ", " + RecentCells.CHANGED + " as changed\n"
          + "  from service_request r\n" + JOINS
          + "   and r.ctid = any(cast(:tids as tid[]))\n";
  private static final String CHANGED_ONLY = "select " + RecentCells.CHANGED;

  private static final Comparator<SearchRow> NEWEST_FIRST =
      // timeLineOrder compares the instants without making one per comparison.
      Comparator.comparing(
              (SearchRow row) -> row.request().requestedDatetime(), OffsetDateTime.timeLineOrder())
          .thenComparingLong(SearchRow::id)
          .reversed();

  private static final String NEWEST = " order by r.requested_at desc, r.id desc";
  private static final String NEAREST = " order by " + SearchFilters.DISTANCE + ", r.id";

  /** The id of the jurisdiction's service, once its code is compared ({@code = :code}). */
  static final String SERVICE_OF_CODE =
      "select s.id from service s where s.jurisdiction_id = :jurisdictionId and s.service_code";

  /** The newest requests an area filter looks through before its index (newestInAreas). */
  private static final int RECENT_WINDOW = 10_000;

  /**
   * How far past a page's reach a newest-first walk through a dense area goes before the area's
   * own index is used instead: 10,000 rows plus four times the reach, at most the harvest's
   * budget. A map page is interactive, and where the walk fails (a rare service in a busy area)
   * its rows were fetched for nothing, 0.2 s per 10,000 at 10M requests; a deep page needs a
   * longer walk (page 200 of a box holding a fifth of the requests: 45,000 rows).
   */
  private static int newestWalk(ServiceRequestQuery query, int walkBudget) {
    return (int) Math.min(walkBudget, 10_000 + 4 * reach(query));
  }

  /** Up to this many (code, status) ranges are merged (see codeArms). */
  private static final int MAX_CODE_ARMS = 24;

  /**
   * sort=distance without sorting every request in the circle. Step one walks the GiST index
   * nearest-first (planar degrees, so not quite great-circle order) and keeps the first offset +
   * limit matches; their largest exact distance bounds the answer, since that many
   * requests lie at most that far. Step two takes every match within that bound, through the
   * index again, and sorts them exactly. Both steps see the same filters.
   */
  private static final String NEAREST_CTES =
      """
      candidates as materialized (
        select %1$s as distance
          from service_request r
         where r.jurisdiction_id = :jurisdictionId
      %2$s   order by r.location <-> point(:nearLong, :nearLat)
         limit %4$d),
      reach as (select max(distance) as meters, degrees(max(distance) / %3$s) as latitude,
                       degrees(asin(least(1, sin(max(distance) / %3$s)
                                              / cos(radians(:nearLat))))) as longitude
                  from candidates)
      """;

  /** Step two of {@link #NEAREST_CTES}: every match within the reach, unsorted. */
  private static final String NEAREST_ROWS =
      """
      %1$s  from reach cross join service_request r
      %2$s%3$s   and r.location <@ box(point(:nearLong - reach.longitude - 1e-9,
                                   :nearLat - reach.latitude - 1e-9),
                             point(:nearLong + reach.longitude + 1e-9,
                                   :nearLat + reach.latitude + 1e-9))
         and %4$s <= reach.meters
      """;

  private ServiceRequestSearch() {}

  /**
   * The rows the query selects, in its order, datetimes in the jurisdiction's time zone; names
   * and zone from {@code names}, or the tables where it does not know them; the newest requests
   * of a small area from {@code recent} when it can tell them (null: never).
   */
  public static List<SearchRow> find(
      Handle handle, ServiceRequestQuery query, CatalogNames names, RecentCells recent) {
    return find(handle, query, names, recent, HarvestReading.DEFAULT);
  }

  /**
   * As {@link #find(Handle, ServiceRequestQuery, CatalogNames, RecentCells)}, with a harvest's
   * pages read as {@code reading} says: for tests that take each way through the same requests.
   */
  public static List<SearchRow> find(
      Handle handle,
      ServiceRequestQuery query,
      CatalogNames names,
      RecentCells recent,
      HarvestReading reading) {
    String jurisdictionId = query.jurisdictionId();
    ZoneId zone = names.zone(jurisdictionId);
    if (zone == null) {
      Optional<ZoneId> stored = zone(handle, jurisdictionId);
      if (stored.isEmpty()) {
        return List.of(); // no such jurisdiction, so no requests
      }
      zone = stored.get();
    }
    // A service another process created in the last seconds is not in the catalog in memory yet.
    Map<String, String> stored = new HashMap<>();
    UnaryOperator<String> serviceNames =
        code -> {
          String name = names.serviceName(jurisdictionId, code);
          return name != null
              ? name
              : stored.computeIfAbsent(code, unknown -> serviceName(handle, jurisdictionId, unknown));
        };
    List<SearchRow> rows =
        new ArrayList<>(
            select(handle, query, new SearchRowMapper(zone, serviceNames), recent, reading));
    if (query.order() == SearchOrder.NEWEST) {
      rows.sort(NEWEST_FIRST); // a page read by keys or tuple ids comes in their order
    } else if (query.isHarvest() && query.serviceRequestIds().isEmpty()) {
      rows.sort(HarvestPages.CHANGE_ORDER);
    }
    return rows;
  }

  private static List<SearchRow> select(
      Handle handle,
      ServiceRequestQuery query,
      SearchRowMapper mapper,
      RecentCells recent,
      HarvestReading reading) {
    Query statement;
    if (!query.serviceRequestIds().isEmpty()) {
      // The standard: ids given, every other filter is ignored.
      statement =
          handle
              .createQuery(
                  COLUMNS + "  from service_request r\n" + JOINS
                      + "   and r.service_request_id = any(:ids)\n" + NEWEST + " limit "
                      + query.limit())
              .bindArray("ids", String.class, query.serviceRequestIds());
    } else {
      if (recent != null && RecentCells.suits(query)) {
        Optional<List<Long>> touched = NewestNearby.cellIds(query);
        if (touched.isPresent()) {
          Optional<List<SearchRow>> page = fromCells(handle, query, touched.get(), recent, mapper);
          if (page.isPresent()) {
            return page.get();
          }
        }
      }
      Optional<NewestNearby.Cells> cells = NewestNearby.cells(query);
      List<CodeArm> codeArms = codeArms(query, cells.isPresent());
      boolean rangeWhole = HarvestPages.readsRangeWhole(handle, query, reading.updatedWindow());
      Optional<List<Long>> windowCells = windowCells(query, reading);
      long few =
          windowCells.isPresent()
              ? cellsToList(reading)
              : fewToList(handle, query, codeArms, reading);
      statement =
          handle.createQuery(
              sql(query, cells, codeArms, rangeWhole, reading, few, windowCells.isPresent()));
      SearchFilters.bind(
          statement, codeArms.isEmpty() ? query : query.withoutServicesAndStatuses());
      cells.ifPresent(found -> NewestNearby.bind(statement, found));
      windowCells.ifPresent(found -> statement.bindArray("windowCells", Long.class, found));
      for (int i = 0; i < codeArms.size(); i++) {
        statement.bind("code" + i, codeArms.get(i).code());
      }
    }
    return statement
        .bind("jurisdictionId", query.jurisdictionId())
        .map(mapper)
        .list();
  }

  /**
   * The page {@code recent} tells, read by tuple id in one statement that also checks it (see
   * {@link RecentCells}); empty when the cells cannot tell or the check fails.
   */
  private static Optional<List<SearchRow>> fromCells(
      Handle handle,
      ServiceRequestQuery query,
      List<Long> cells,
      RecentCells recent,
      SearchRowMapper mapper) {
    Optional<RecentCells.Page> told = recent.page(handle, query, cells);
    if (told.isEmpty()) {
      return Optional.empty();
    }
    RecentCells.Page page = told.get();
    boolean[] changed = {false};
    List<SearchRow> rows;
    if (page.entries().isEmpty()) {
      changed[0] =
          bindCheck(handle.createQuery(CHANGED_ONLY), query, page)
              .mapTo(boolean.class)
              .one();
      rows = List.of();
    } else {
      rows =
          bindCheck(handle.createQuery(CHECKED_ROWS), query, page)
              .bind("tids", RecentCells.ctids(page.entries()))
              .map(new CheckedRows(mapper, changed))
              .list();
    }
    if (changed[0] || !RecentCells.describes(page.entries(), rows)) {
      recent.forget(query.jurisdictionId(), page.cells());
      return Optional.empty();
    }
    recent.served();
    return Optional.of(rows);
  }

  private static Query bindCheck(Query statement, ServiceRequestQuery query, RecentCells.Page page) {
    return statement
        .bindArray("cells", Long.class, page.cells())
        .bind("since", Long.toString(page.since()))
        .bind("jurisdictionId", query.jurisdictionId());
  }

  /** The search's rows, noting whether the {@code changed} column said yes on any. */
  private static final class CheckedRows implements RowMapper<SearchRow> {
    private final SearchRowMapper rows;
    private final boolean[] changed;

    CheckedRows(SearchRowMapper rows, boolean[] changed) {
      this.rows = rows;
      this.changed = changed;
    }

    @Override
    public SearchRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return specialize(rs, ctx).map(rs, ctx);
    }

    @Override
    public RowMapper<SearchRow> specialize(ResultSet rs, StatementContext ctx)
        throws SQLException {
      RowMapper<SearchRow> row = rows.specialize(rs, ctx);
      int column = rs.findColumn("changed");
      return (r, c) -> {
        changed[0] |= r.getBoolean(column);
        return row.map(r, c);
      };
    }
  }

  private static Optional<ZoneId> zone(Handle handle, String jurisdictionId) {
    return handle
        .createQuery("select time_zone from jurisdiction where jurisdiction_id = :j")
        .bind("j", jurisdictionId)
        .mapTo(String.class)
        .findOne()
        .map(ZoneId::of);
  }

  private static String serviceName(Handle handle, String jurisdictionId, String serviceCode) {
    return handle
        .createQuery(
            "select service_name from service where jurisdiction_id = :j and service_code = :code")
        .bind("j", jurisdictionId)
        .bind("code", serviceCode)
        .mapTo(String.class)
        .findOne()
        .orElse(null);
  }

  /**
   * @param few below how many candidates a page nearest first lists and sorts them ({@link
   *     #fewToList}, {@link #cellsToList}); 0 to walk
   * @param byCells whether a page nearest first lists its window's requests from the cells
   *     ({@link #nearestInWindowCells})
   */
  private static String sql(
      ServiceRequestQuery query,
      Optional<NewestNearby.Cells> cells,
      List<CodeArm> codeArms,
      boolean rangeWhole,
      HarvestReading reading,
      long few,
      boolean byCells) {
    int walkBudget = reading.walkBudget();
    // Limits are written in, not bound: the plan is made once per statement (plan_cache_mode,
    // DataSources), and a bound limit is planned as a tenth of the table, which turned the
    // page's 50 primary-key lookups into a merge join over the newest ids.
    String slice = " limit " + query.limit() + (query.offset() > 0 ? " offset " + query.offset() : "");
    if (twoSteps(query)) {
      if (!codeArms.isEmpty()) {
        return nearestOfCodes(query, codeArms, slice, few);
      }
      if (byCells) {
        return nearestInWindowCells(query, slice, few);
      }
      return "with " + nearestCtes(query, "") + nearestRows(query, "") + NEAREST + slice;
    }
    if (cells.isPresent()) {
      return NewestNearby.sql(query, slice);
    }
    if (query.area() != null && query.order() == SearchOrder.NEWEST) {
      return newestInAreas(query, slice);
    }
    // Past the cells (returned above), a circle or box is too wide for them.
    boolean wideArea = query.near() != null || query.bbox() != null;
    if (!codeArms.isEmpty()) {
      return wideArea
          ? newestOfCodesInWideArea(
              query, codeArms, slice, newestWalk(query, walkBudget), reading)
          : newestOfCodes(query, codeArms, slice);
    }
    String filters = SearchFilters.sql(query, Spatial.INDEXED);
    if (query.order() == SearchOrder.NEWEST && wideArea) {
      return newestInWideArea(
          query, filters, slice, newestWalk(query, walkBudget), reading);
    }
    if (query.order() == SearchOrder.NEWEST) {
      // Keys first, then the page's rows: a page deep in the list skips its offset on the
      // index alone (an index-only scan where the filters are indexed columns) instead of
      // fetching every skipped row; the 20th page of 50 fetched 1,000 rows, now 50.
      return rowsOf(
          "select r.id, r.requested_at from service_request r\n"
              + OF_JURISDICTION + filters + NEWEST + slice);
    }
    if (query.order() == SearchOrder.DISTANCE) {
      return COLUMNS + "  from service_request r\n" + OF_JURISDICTION + filters + NEAREST + slice;
    }
    return HarvestPages.sql(query, rangeWhole, filters, slice, walkBudget, reading.denseArea());
  }

  /**
   * The CTEs of the two steps of a page nearest first ({@link #NEAREST_CTES}), each step seeing
   * the query's filters and {@code more}, {@code and} lines.
   */
  private static String nearestCtes(ServiceRequestQuery query, String more) {
    return NEAREST_CTES.formatted(
        SearchFilters.DISTANCE,
        SearchFilters.sql(query, Spatial.INDEXED) + more,
        Circle.EARTH_RADIUS_METERS,
        reach(query));
  }

  /** Step two of {@link #nearestCtes}, unsorted, seeing the same filters. */
  private static String nearestRows(ServiceRequestQuery query, String more) {
    return NEAREST_ROWS.formatted(
        COLUMNS, JOINS, SearchFilters.sql(query, Spatial.WITHOUT_CIRCLE) + more,
        SearchFilters.DISTANCE);
  }

  /**
   * Below how many of some services' requests ({@code codeArms}) a page nearest first lists and
   * sorts them ({@link #nearestOfCodes}); 0, to walk, for any other page.
   */
  private static long fewToList(
      Handle handle, ServiceRequestQuery query, List<CodeArm> codeArms, HarvestReading reading) {
    if (!twoSteps(query) || codeArms.isEmpty()) {
      return 0;
    }
    long requests = handle.createQuery(ROWS_ESTIMATED).mapTo(long.class).one();
    return listingBound(query, requests, reading.fewToList());
  }

  /** The planner's count of all requests, kept by VACUUM, ANALYZE and index builds; -1 unknown. */
  private static final String ROWS_ESTIMATED =
      "select reltuples::bigint from pg_class where oid = 'service_request'::regclass";

  /**
   * Below how many of some services' requests a page nearest first lists and sorts them, not
   * walked ({@link #nearestOfCodes}). Listing and fetching cost
   * some 8 us a request here, at 10M requests; the walk 5.5 us a request it passes: the reach
   * divided by the candidates' share of the {@code requests}, were they spread alike. So listing
   * wins below the square root of 0.7 times the reach times the requests: a service with 45,000
   * requests in 3 km downtown was walked for page 1 in 0.09 s (listed, 0.25 s), listed for page
   * 20 in 0.22 s (walked, 1.4 s). At most {@code most}: past it, listing costs more than most
   * walks. At least a thirtieth of it, which is listed in a few milliseconds and spares a walk
   * through a circle holding fewer matches than the reach. Rounded, so that the statement's text,
   * which holds it, changes rarely as the requests grow.
   */
  public static long listingBound(ServiceRequestQuery query, long requests, int most) {
    long few = (long) Math.sqrt(0.7 * reach(query) * Math.max(0, requests));
    few = Math.min(most, Math.max(most / 30, few));
    long step = few >= 10_000 ? 1_000 : 100;
    return few >= step ? few / step * step : few;
  }

  /**
   * Some services nearest first: their requests in the dates asked for, listed from their service
   * indexes, then fetched by key ({@link #listedOrWalked}). A walk nearest first fetches each request it passes to test
   * its service, and passes the whole circle when it holds fewer matches than the page's reach.
   * Unpaged (the last 90 days), a service with 45,000 of 10.5M requests, within 3 km of City
   * Hall, passed 1.8M requests twice (8-10 s); its 394 matches of those days take 0.03 s.
   *
   * @param few the services' requests are sorted if fewer, walked nearest first otherwise
   */
  private static String nearestOfCodes(
      ServiceRequestQuery query, List<CodeArm> arms, String slice, long few) {
    StringBuilder listing = new StringBuilder();
    StringBuilder codes = new StringBuilder("   and r.service_code in (");
    for (int i = 0; i < arms.size(); i++) {
      listing.append(i == 0 ? "" : "    union all\n")
          .append("    (select r.id ").append(armRows(arms.get(i), i))
          .append(SearchFilters.requestDates(query))
          .append("      limit ").append(few).append(")\n");
      codes.append(i == 0 ? ":code" : ", :code").append(i);
    }
    codes.append(")\n");
    if (query.statuses().size() == 1) {
      codes.append("   and ").append(SearchFilters.status(query.statuses().iterator().next()))
          .append('\n');
    }
    ServiceRequestQuery others = query.withoutServicesAndStatuses();
    String listed =
        COLUMNS + "  from service_request r\n" + JOINS
            + "   and (select yes from listed)\n"
            + "   and r.id = any(array(select id from few))\n"
            + SearchFilters.sql(others, Spatial.COMPARED);
    return listedOrWalked(
        others, "  select id from (\n" + listing + "  ) a\n", listed, codes.toString(), slice,
        few);
  }

  /**
   * Beyond this many cells a window's requests are not listed from the cells ({@link
   * #nearestInWindowCells}); the widest circle, 10 km, touches about 11,000 at Chicago's
   * latitude.
   */
  private static final int MAX_WINDOW_CELLS = 12_000;

  /**
   * The cells whose requests in a window of dates a page nearest first lists ({@link
   * #nearestInWindowCells}), with no service (their own indexes list them): a window with both
   * dates, or the open requests from a start date (as in the 90 days of an unpaged answer); empty
   * otherwise. Another window with a start date alone is walked as before: it holds a large share
   * of the requests, and the walk passes few of the others. For the open requests the planner
   * chose instead to AND every open request of those days (900,000 at 10.8M requests) with the
   * circle's: 1.2 s within 1 km of City Hall, 2.6 s within 3 km.
   */
  private static Optional<List<Long>> windowCells(
      ServiceRequestQuery query, HarvestReading reading) {
    boolean open = query.statuses().equals(EnumSet.of(Status.OPEN)) && query.from() != null;
    boolean bothDates = query.from() != null && query.to() != null;
    if (!twoSteps(query) || !query.serviceCodes().isEmpty() || !(bothDates || open)
        || reading.fewToList() == 0) {
      return Optional.empty();
    }
    return NewestNearby.touched(query, MAX_WINDOW_CELLS);
  }

  /**
   * Below how many of a window's requests in the circle a page nearest first sorts them, listed
   * from the cells ({@link #nearestInWindowCells}): five times {@link HarvestReading#fewToList}
   * (300,000 by default), some 0.5 s of listing at about 1.7 us a request.
   */
  private static long cellsToList(HarvestReading reading) {
    return 5L * reading.fewToList();
  }

  /**
   * A page nearest first in a window of request dates, listed from the cell index (V10), which
   * holds each request's time and point: every request of the window in the cells the circle
   * touches, with its exact distance, from the index alone, up to {@code few} of them. If there
   * are fewer, they are sorted by distance and fetched in that order, each tested against the
   * other filters, until the page's reach is found; otherwise the two steps of {@link
   * #NEAREST_CTES} go on. Given both dates, which it takes for a small share of the requests
   * whatever they are, the planner made those steps read every request of the window in the city
   * and keep the circle's: January 2024 within 3 km of City Hall took 1.6-2.6 s for any page;
   * its 30,000 requests in the circle are listed and sorted in 0.05-0.3 s.
   */
  private static String nearestInWindowCells(ServiceRequestQuery query, String slice, long few) {
    String listing =
        "  select x.id, x.distance from unnest(cast(:windowCells as bigint[])) as c(cell)\n"
            + "  cross join lateral (\n"
            + "    select r.id, " + SearchFilters.DISTANCE + " as distance\n"
            + "      from service_request r\n"
            + "     where r.jurisdiction_num = " + JurisdictionNum.OF + "\n"
            + "       and " + NewestNearby.CELL + " = c.cell\n"
            + SearchFilters.requestDates(query)
            + "  ) x\n"
            + "   where x.distance <= :nearRadius\n";
    String listed =
        " (select p.* from (select f.id, f.distance from few f where (select yes from listed)\n"
            + "                    order by f.distance, f.id) f\n"
            + "   cross join lateral (\n"
            + COLUMNS + "  from service_request r\n" + JOINS
            + "   and r.id = f.id\n"
            + SearchFilters.sql(query, Spatial.COMPARED)
            + "   ) p\n"
            + "  limit " + reach(query) + ")\n";
    return listedOrWalked(query, listing, listed, "", slice, few);
  }

  /**
   * A page nearest first in one statement that lists its candidates first, up to {@code few}
   * ({@code listing}: the CTE {@code few}'s rows, its keys, with no order). If there are fewer,
   * the page comes from them ({@code listed}: its rows, reading {@code few} when the CTE {@code
   * listed} says yes); otherwise the two steps of {@link #NEAREST_CTES} walk the GiST index. The
   * planner cannot choose: it takes any circle for 0.1% of the requests.
   *
   * @param query the filters both ways take, and {@code more} lines that the listing stands for
   */
  private static String listedOrWalked(
      ServiceRequestQuery query, String listing, String listed, String more, String slice,
      long few) {
    String walked = more + "   and not (select yes from listed)\n";
    return "with few as materialized (\n" + listing + "   limit " + few + "),\n"
        + "listed as (select count(*) < " + few + " as yes from few),\n"
        + nearestCtes(query, walked)
        + "select * from (\n"
        + nearestRows(query, walked)
        + " union all\n"
        + listed
        + ") r\n" + NEAREST + slice;
  }

  /** One service code and status, read in time order from that status's service index. */
  private record CodeArm(String code, Status status) {}

  /**
   * Service codes newest first, without a place: one arm per code and status walks the partial
   * index of that status, (service_id, requested_at, id) (V13), in order and stops at the page's
   * reach, and Merge Append interleaves them, so a page reads little more than its rows. Without
   * status the arms cover both. A filter on the codes alone would walk one of the newest-first
   * indexes and skip every row of the other services or statuses: the 20th page of three
   * services' closed requests skipped 18,000 rows at 12M requests (12 ms warm, 110 ms cold), and
   * one service's closed requests behind 2.2M open ones took 700 ms. Nearest first, the arms
   * list the services' requests ({@link #nearestOfCodes}). Empty when the arms would be too many.
   */
  private static List<CodeArm> codeArms(ServiceRequestQuery query, boolean byCell) {
    boolean newest = query.order() == SearchOrder.NEWEST && !byCell && query.area() == null;
    if (query.serviceCodes().isEmpty() || !(newest || twoSteps(query))) {
      return List.of();
    }
    Set<Status> statuses =
        query.statuses().isEmpty() ? EnumSet.allOf(Status.class) : EnumSet.copyOf(query.statuses());
    List<CodeArm> arms = new ArrayList<>();
    for (String code : query.serviceCodes().stream().distinct().sorted().toList()) {
      for (Status status : statuses) {
        arms.add(new CodeArm(code, status));
      }
    }
    return arms.size() <= MAX_CODE_ARMS ? arms : List.of();
  }

  /**
   * The arms' keys merged. An arm names its service by id, which stands for the jurisdiction and
   * the code (a service belongs to one jurisdiction, and every request copies its service's code);
   * a code the jurisdiction lacks has no id, and its arm no rows.
   */
  private static String newestOfCodes(ServiceRequestQuery query, List<CodeArm> arms, String slice) {
    String filters = SearchFilters.sql(query.withoutServicesAndStatuses(), Spatial.INDEXED);
    if (arms.size() == 1) {
      return rowsOf(arm(arms.get(0), 0, filters) + NEWEST + slice);
    }
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < arms.size(); i++) {
      sql.append(i == 0 ? "" : "  union all\n")
          .append("  (")
          .append(arm(arms.get(i), i, filters))
          .append(NEWEST)
          .append(" limit ")
          .append(reach(query))
          .append(")\n");
    }
    return rowsOf(sql.append(" order by requested_at desc, id desc").append(slice).toString());
  }

  /**
   * The arms' keys merged when a circle or box too wide for the cells is asked for as well. Each
   * arm is read as {@link #newestInWideArea} reads the time index: its service index walked for
   * the page's reach plus {@code walkBudget} rows, the area tested on each, then further as far
   * as their rate asks, and only if that finds too few, the arm's matches found by whichever
   * index the planner likes (GiST for a common service in a quiet area, the service's own for a
   * rare one) and sorted. Without the walk, each arm sorted every request of its service in the
   * area: the first page of a service in a box holding a fifth of 10M requests took 3.6 s.
   */
  private static String newestOfCodesInWideArea(
      ServiceRequestQuery query, List<CodeArm> arms, String slice, int walkBudget,
      HarvestReading reading) {
    String filters = SearchFilters.sql(query.withoutServicesAndStatuses(), Spatial.INDEXED);
    StringBuilder ctes = new StringBuilder();
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < arms.size(); i++) {
      WalkOrFind arm =
          walkOrFind(
              Integer.toString(i), armRows(arms.get(i), i), filters, query, walkBudget,
              reading.farWalk());
      ctes.append(",\n").append(arm.ctes());
      keys.append(i == 0 ? "" : " union all ").append(arm.keys());
    }
    return "with " + dense(query, reading.denseArea()) + ctes + "\n"
        + rowsOf(keys.append(" order by requested_at desc, id desc").append(slice).toString());
  }

  /**
   * The steps of a newest-first page of a busy area, as CTEs named with {@code suffix}. Only if
   * {@code dense} says the area is busy: the rows {@code from} gives ({@code from service_request
   * r where ...}) are walked newest first, at most the reach plus {@code walkBudget} of them, each
   * tested by {@code filters}, until the reach is found. If the walk found some matches but too
   * few, a second walk goes as far as their rate says the reach lies, with half as much again to
   * spare, if that is at most {@code farWalk} rows. A walk that ran out of rows before its
   * length (the dates asked for end it) found every match. Only if no walk found the page: every
   * match of {@code from} and {@code filters}, found by whichever index the planner likes (the
   * fence, offset 0, keeps the order out), sorted.
   *
   * <p>Without the second walk, a box holding an eighth of 10M requests but a twenty-fifth of the
   * newest ones sorted its 1.4M requests for page 20 (3.3 s); the second walk passed 24,000 rows
   * (0.09 s).
   *
   * @param ctes {@code walk<suffix>}, {@code stretch<suffix>}, {@code walkFar<suffix>}, {@code
   *     farDone<suffix>} and {@code found<suffix>}
   * @param keys the page's keys from one of them, unordered
   */
  private record WalkOrFind(String ctes, String keys) {}

  private static WalkOrFind walkOrFind(
      String suffix, String from, String filters, ServiceRequestQuery query, int walkBudget,
      int farWalk) {
    long reach = reach(query);
    String length = Long.toString(reach + walkBudget);
    String walk = "walk" + suffix;
    String stretch = "stretch" + suffix;
    String walkFar = "walkFar" + suffix;
    String found = "found" + suffix;
    String farDone = "farDone" + suffix;
    String farLength = "(select rows from " + stretch + ")";
    String farRuns = farLength + " between 1 and " + farWalk;
    String ctes =
        walk(walk, from, "(select yes from dense)", length, filters, query)
            + ",\n"
            // done: the first walk found the page, or every match. rows: the far walk's length,
            // 0 for none, or past farWalk for too long.
            + stretch + " as (\n"
            + "  select w.done, case when w.done or w.hits = 0 then 0\n"
            + "    else least(ceil(1.5 * " + length + " * " + reach + " / w.hits), "
            + (farWalk + 1L) + ")::bigint end as rows\n"
            + "    from (select (select yes from dense) and " + settled(length, reach) + " as done,\n"
            + "                 count(*) filter (where hit) as hits from " + walk + ") w),\n"
            + walk(walkFar, from, farRuns, farLength, filters, query) + ",\n"
            + farDone + " as (select " + farRuns + " and " + settled(farLength, reach)
            + " as done from " + walkFar + "),\n"
            + found + " as materialized (\n"
            + "  select f.id, f.requested_at from (\n"
            + "    select r.id, r.requested_at " + from
            + "       and not (select done from " + stretch + ")\n"
            + "       and not (select done from " + farDone + ")\n" + filters
            + "    offset 0) f\n"
            + " order by f.requested_at desc, f.id desc limit " + reach + ")";
    String keys =
        "select id, requested_at from " + walk + " where hit and (select done from " + stretch
            + ")\n union all select id, requested_at from " + walkFar
            + " where hit and (select done from " + farDone + ")\n"
            + " union all select id, requested_at from " + found + "\n";
    return new WalkOrFind(ctes, keys);
  }

  /**
   * Over the rows of a walk of {@code length} ({@link #walk}): whether it found the page's
   * {@code reach}, or ran out of rows before its length and so found every match.
   */
  private static String settled(String length, long reach) {
    return "(count(*) filter (where hit) >= " + reach
        + " or not coalesce(bool_or(n = " + length + "), false))";
  }

  /**
   * CTE {@code name}: a walk newest first through the rows {@code from} gives, when {@code
   * condition} holds, of at most {@code length} rows (the dates asked for end it sooner). It keeps
   * each row the filters take ({@code hit}) until it has the page's reach, and the walk's last row
   * whatever it is (numbered {@code n} = {@code length}), which tells that the walk went its whole
   * length. No order by: the rows come in the walk's order, which an order by would sort again.
   */
  private static String walk(
      String name, String from, String condition, String length, String filters,
      ServiceRequestQuery query) {
    return name + " as materialized (\n"
        + "  select w.id, w.requested_at, w.hit, w.n from (\n"
        + "    select r.id, r.requested_at, (true\n" + filters + "    ) as hit,\n"
        + "           row_number() over () as n from (\n"
        + "      select * " + from
        + "         and " + condition + "\n"
        // The dates bound the walk itself: it ends at the window's edge, not at its length.
        + SearchFilters.requestDates(query)
        + NEWEST + " limit " + length + ") r) w\n"
        + "   where w.hit or w.n = " + length + "\n"
        + "   limit " + reach(query) + ")";
  }

  /** The keys of arm {@code i}'s requests, without order. */
  private static String arm(CodeArm arm, int i, String filters) {
    return "select r.id, r.requested_at " + armRows(arm, i) + filters;
  }

  /** {@code from} the requests of arm {@code i}: its service and status. */
  private static String armRows(CodeArm arm, int i) {
    return "from service_request r\n"
        + "    where r.service_id = (" + SERVICE_OF_CODE + " = :code" + i + ")\n"
        + "      and " + SearchFilters.status(arm.status()) + "\n";
  }

  /**
   * Newest first in some areas, in two steps, because how many requests an area holds varies from
   * none to a fiftieth of the city and no index gives areas in time order. First the newest
   * {@link #RECENT_WINDOW} requests are filtered: a ward's page is among them. Only if they hold
   * less than the page's reach, the GIN index of the tags finds every match, which are then
   * sorted: few, or the first step would have had enough. Walking the time index until enough
   * matches turned up read all 14 million requests for a ward without any (8 to 50 s); the
   * planner cannot tell such a ward from one with 300,000 requests.
   */
  private static String newestInAreas(ServiceRequestQuery query, String slice) {
    long reach = reach(query);
    String filters = SearchFilters.sql(query, Spatial.INDEXED);
    return "with recent as materialized (\n"
        + "  select r.id, r.requested_at from (\n"
        + "    select * from service_request newest\n"
        + "     where newest.jurisdiction_num = " + JurisdictionNum.OF + "\n"
        + "     order by newest.requested_at desc, newest.id desc limit " + RECENT_WINDOW + ") r\n"
        + "   where true\n" + filters + NEWEST + " limit " + reach + "),\n"
        + "enough as (select count(*) >= " + reach + " as yes from recent),\n"
        // No order here, so the planner finds the matches by the cheapest index, not by time.
        + "found as materialized (\n"
        + "  select r.id, r.requested_at from service_request r\n"
        + "   where not (select yes from enough) and r.jurisdiction_id = :jurisdictionId\n"
        + filters + ")\n"
        + rowsOf(
            "select id, requested_at from recent where (select yes from enough)\n"
                + " union all select id, requested_at from found\n"
                + " order by requested_at desc, id desc" + slice);
  }

  /**
   * The newest requests in a circle or box too wide for the cells ({@link NewestNearby}), in one
   * statement of several steps ({@link #walkOrFind}), because the planner cannot tell how many
   * requests an area holds: its estimate for {@code <@} on points is a constant 0.1%. So past the
   * first page it gathered a wide area's requests through the GiST index and sorted them: page 10
   * of a box holding a fifth of 10M requests took 4.7 s. In a busy area ({@link #dense}) the time
   * index is walked first, newest first, the area tested on each row, until the page's reach is
   * found or {@code walkBudget} more rows have been passed, then, if the matches were too few,
   * as far again as their rate asks. Only in a quiet area, or if the walks found too few, the
   * GiST index finds every request in the area, which are then sorted.
   */
  private static String newestInWideArea(
      ServiceRequestQuery query, String filters, String slice, int walkBudget,
      HarvestReading reading) {
    WalkOrFind page =
        walkOrFind(
            "", "from service_request r\n" + OF_JURISDICTION, filters, query, walkBudget,
            reading.farWalk());
    return "with " + dense(query, reading.denseArea()) + ",\n" + page.ctes() + "\n"
        + rowsOf(page.keys() + " order by requested_at desc, id desc" + slice);
  }

  /**
   * The CTE {@code dense}: whether the area's box holds at least {@code denseArea} requests,
   * counted on the GiST index alone and no further (10,000 by default, {@link
   * HarvestReading#DEFAULT}). A quiet area is then sorted at once, without a walk
   * that could not find its page (10,000 rows fetched for nothing cost 0.2 s a service). It
   * counts every jurisdiction's requests, so that the GiST index alone answers: a hint, never a
   * filter.
   */
  static String dense(ServiceRequestQuery query, int denseArea) {
    return "dense as (select count(*) >= " + denseArea + " as yes from (\n"
        + "  select 1 from service_request r where " + SearchFilters.areaBox(query)
        + " limit " + denseArea + ") d)";
  }

  /** How many rows lead up to the end of the page: every part reads at most that many. */
  static long reach(ServiceRequestQuery query) {
    return query.offset() + query.limit();
  }

  /**
   * The rows of a page whose keys a query selects (id and requested_at, in page order). The keys
   * go in as one array, so the primary key index is read once for the page, leaf by leaf, instead
   * of searched from its root for each row: 50 buffer reads for a page of 50, not 200. They come
   * in key order; {@link #find} sorts them, which PostgreSQL did at more cost.
   */
  static String rowsOf(String keys) {
    return COLUMNS + "  from service_request r\n" + JOINS
        + "   and r.id = any(array(select id from (\n" + keys + ") page))\n";
  }

  /** Near a pole or across the antimeridian the bound box is no box: sort the circle instead. */
  private static boolean twoSteps(ServiceRequestQuery query) {
    if (query.order() != SearchOrder.DISTANCE) {
      return false;
    }
    BoundingBox bounds = query.near().bounds();
    return bounds.minLongitude() > -180 || bounds.maxLongitude() < 180;
  }
}
