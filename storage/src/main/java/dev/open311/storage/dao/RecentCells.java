package dev.open311.storage.dao;

import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import dev.open311.spec.query.SearchOrder;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.storage.db.PostgresTime;
import dev.open311.storage.mapping.SearchRow;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest requests of each cell of {@link NewestNearby}'s grid, in memory, for the map around a
 * point: the newest requests in a small circle or box with no other filter but dates. With it such
 * a search reads only its page's rows from PostgreSQL, by key, instead of one index descent per
 * cell (about 35 for 500 m), which made it cost three times a plain page.
 *
 * <p>Never stale, only sometimes unused. The cells hold every change made by a transaction older
 * than {@code since} (a transaction id: the oldest one running when the cells were last brought up
 * to date). A search takes its page from the cells, then reads the page's rows in one statement
 * that also asks whether any request of its cells changed at or after {@code since} (the {@code
 * change_xid} every write sets). It answers from the cells only when nothing did and the rows read
 * are the ones the cells described (same key, place and time: a request deleted or moved behind
 * the server's back shows there); otherwise it forgets those cells and answers as without them.
 *
 * <p>The rows are read where the cells saw them, by tuple id ({@code ctid}), not through the
 * primary key: the 50 rows of a map page lie all over the table, and 50 descents of the key's index
 * were a sixth of PostgreSQL's time for the page (9,500 against 11,900 statements a second on two
 * connections here). A row rewritten since, without a change mark (an area re-tag, VACUUM FULL),
 * is no longer at that tuple id: the row is missing from what is read, and the cells are read
 * again. A background refresh every {@link #INTERVAL} applies the changes since {@code since} and
 * moves it on, so that the check rarely finds any.
 *
 * <p>A cell holds its newest {@link #PER_CELL} requests. A page that needs more of a cell that has
 * more (a deep page, a large radius in a quiet area) is answered without the cells. So is every
 * search while more than {@link #MAX_CHANGES} requests change between two refreshes (a bulk
 * import): the cells are emptied and filled again once writes calm down.
 */
public final class RecentCells implements AutoCloseable {

  /** Requests kept per cell, newest first: a 500 m page of 50 takes a few of each cell. */
  static final int PER_CELL = 32;

  /** Cells kept at most (about 1 KB each); more, and all are forgotten and read again. */
  static final int MAX_CELLS = 50_000;

  /** Changes applied in one refresh at most; more, and the cells are emptied. */
  static final int MAX_CHANGES = 10_000;

  /** How often the cells are brought up to date. */
  static final Duration INTERVAL = Duration.ofMillis(250);

  // A search's check reads at most this many changes; more, and it answers without the cells.
  private static final int MAX_CHECKED = 1_000;

  private static final Logger log = LoggerFactory.getLogger(RecentCells.class);

  private static final String CELL_OF_R = NewestNearby.CELL;
  // requested_at as PostgresTime counts it: microseconds from 2000-01-01T00:00:00Z.
  private static final String MICROS =
      "((extract(epoch from r.requested_at) * 1000000)::bigint - 946684800000000)";

  private static final String LOAD =
      "select c.cell, x.id, x.tid, x.micros, x.lat, x.long"
          + " from unnest(cast(:cells as bigint[])) as c(cell)\n"
          + " cross join lateral (\n"
          + "   select r.id, r.ctid::text as tid, "
          + MICROS
          + " as micros, r.lat, r.long from service_request r\n"
          + "    where r.jurisdiction_num = " + JurisdictionNum.OF + " and "
          + CELL_OF_R
          + " = c.cell\n"
          + "    order by r.requested_at desc, r.id desc limit "
          + (PER_CELL + 1)
          + ") x";

  private static final String CHANGES =
      "select r.id, r.ctid::text as tid, "
          + CELL_OF_R
          + " as cell, "
          + MICROS
          + " as micros, r.lat, r.long"
          + " from service_request r\n"
          + " where r.jurisdiction_num = " + JurisdictionNum.OF
          + " and r.change_xid >= cast(:since as xid8)\n"
          + " limit ";

  /**
   * Whether a request of the cells changed at or after {@code since}, as a column of the page's
   * rows; more than {@link #MAX_CHECKED} changes at all count as yes.
   */
  static final String CHANGED =
      "(select count(*) > "
          + MAX_CHECKED
          + " or coalesce(bool_or(c.cell = any(cast(:cells as"
          + " bigint[]))), false)\n"
          + "   from (select "
          + CELL_OF_R
          + " as cell from service_request r"
          + " where r.jurisdiction_num = " + JurisdictionNum.OF
          + " and r.change_xid >= cast(:since as xid8) limit "
          + (MAX_CHECKED + 1)
          + ") c)";

  private record Key(String jurisdictionId, long cell) {}

  /** A cell's newest requests, newest first (time, then key), as they were read. Immutable. */
  record Cell(
      long[] ids, long[] tids, long[] micros, double[] lats, double[] longs, boolean truncated) {
    int size() {
      return ids.length;
    }

    /**
     * This cell with the request put in its place (taken out of where it was). A request older than
     * all a truncated cell holds is left out: the requests between are not known.
     */
    Cell with(Entry entry) {
      List<Entry> kept = new ArrayList<>(ids.length + 1);
      boolean placed = false;
      for (int i = 0; i < ids.length; i++) {
        if (ids[i] == entry.id()) {
          continue;
        }
        if (!placed && newer(entry.micros(), entry.id(), micros[i], ids[i])) {
          kept.add(entry);
          placed = true;
        }
        kept.add(new Entry(ids[i], tids[i], micros[i], lats[i], longs[i]));
      }
      if (!placed && !truncated) {
        kept.add(entry);
      }
      return cell(kept, truncated);
    }
  }

  /**
   * A request the cells put on the page.
   *
   * @param tid where its row was read: the ctid's block number times 65,536 plus its line
   */
  record Entry(long id, long tid, long micros, double lat, double lon) {

    /** The tuple id as PostgreSQL writes it, {@code (block,line)}. */
    String ctid() {
      return "(" + (tid >>> 16) + "," + (tid & 0xffff) + ")";
    }
  }

  /** A ctid as {@code ctid::text} writes it, {@code (block,line)}, as {@link Entry#tid}. */
  static long tid(String ctid) {
    int comma = ctid.indexOf(',');
    return Long.parseLong(ctid, 1, comma, 10) << 16
        | Long.parseLong(ctid, comma + 1, ctid.length() - 1, 10);
  }

  /** The entries' tuple ids as a tid[] literal, for {@code cast(:tids as tid[])}. */
  static String ctids(List<Entry> entries) {
    StringBuilder literal = new StringBuilder(entries.size() * 16).append('{');
    for (Entry entry : entries) {
      if (literal.length() > 1) {
        literal.append(',');
      }
      literal.append('"').append(entry.ctid()).append('"');
    }
    return literal.append('}').toString();
  }

  private final Jdbi jdbi;
  private final int maxChanges;
  private final ConcurrentHashMap<Key, Cell> cells = new ConcurrentHashMap<>();
  private final Set<String> jurisdictions = ConcurrentHashMap.newKeySet();
  // Installing loaded cells and applying a refresh exclude each other (see load).
  private final Object lock = new Object();
  private final ScheduledExecutorService refresher;
  // Every change by a transaction older than this is in the cells.
  private volatile long since;
  // While writes come faster than a refresh applies them, searches go without the cells.
  private volatile boolean suspended;
  private long generation; // guarded by lock
  private final LongAdder answered = new LongAdder();
  private final LongAdder declined = new LongAdder();

  private RecentCells(Jdbi jdbi, boolean refreshing, int maxChanges) {
    this.jdbi = jdbi;
    this.maxChanges = maxChanges;
    this.since = jdbi.withHandle(RecentCells::oldestRunning);
    if (refreshing) {
      refresher =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "recent-cells");
                thread.setDaemon(true);
                return thread;
              });
      long every = INTERVAL.toMillis();
      refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
    } else {
      refresher = null;
    }
  }

  /**
   * Cells brought up to date every {@link #INTERVAL} on a thread of their own, through {@code jdbi}
   * (which should not make the refresh wait its turn behind searches).
   */
  public static RecentCells start(Jdbi jdbi) {
    return new RecentCells(jdbi, true, MAX_CHANGES);
  }

  /**
   * Cells brought up to date only by {@link #refresh()}, emptied when more than {@code maxChanges}
   * requests changed since; for tests.
   */
  public static RecentCells manual(Jdbi jdbi, int maxChanges) {
    return new RecentCells(jdbi, false, maxChanges);
  }

  @Override
  public void close() {
    if (refresher != null) {
      // A refresh under way finishes before the pool it reads from closes.
      refresher.shutdown();
      try {
        if (!refresher.awaitTermination(5, TimeUnit.SECONDS)) {
          refresher.shutdownNow();
        }
      } catch (InterruptedException e) {
        refresher.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    if (answered.sum() + declined.sum() > 0) {
      log.info(
          "map cells: {} searches answered from memory, {} read from the indexes; {} cells held",
          answered.sum(),
          declined.sum(),
          cells.size());
    }
  }

  /** Searches answered from the cells. */
  public long answered() {
    return answered.sum();
  }

  /** Searches the cells suit that were answered without them. */
  public long declined() {
    return declined.sum();
  }

  /** Whether the cells can answer the query: newest first in a small area, no filter but dates. */
  static boolean suits(ServiceRequestQuery query) {
    return query.order() == SearchOrder.NEWEST
        && query.serviceRequestIds().isEmpty()
        && query.serviceCodes().isEmpty()
        && query.statuses().isEmpty()
        && query.area() == null
        && query.updatedAfter() == null
        && query.updatedBefore() == null
        && query.after() == null
        && !query.isHarvest();
  }

  /** What a search takes from the cells: the page's requests and what checks them. */
  record Page(List<Entry> entries, long since, List<Long> cells) {}

  /**
   * The page's requests, newest first, as the cells have them; empty when the cells cannot tell
   * (the caller answers without them, and {@link #declined} counts it).
   */
  Optional<Page> page(Handle handle, ServiceRequestQuery query, List<Long> ids) {
    if (suspended) {
      declined.increment();
      return Optional.empty();
    }
    long checkedSince = since; // read before the cells: they hold at least this much
    Map<Long, Cell> found = cells(handle, query.jurisdictionId(), ids);
    if (found == null) {
      declined.increment();
      return Optional.empty();
    }
    List<Entry> entries = merge(query, found);
    if (entries == null) {
      declined.increment();
      return Optional.empty();
    }
    return Optional.of(new Page(entries, checkedSince, ids));
  }

  /** The page was answered from the cells. */
  void served() {
    answered.increment();
  }

  /** The check found a change, or rows other than the cells described: read them again. */
  void forget(String jurisdictionId, List<Long> ids) {
    for (long id : ids) {
      cells.remove(new Key(jurisdictionId, id));
    }
    declined.increment();
  }

  /**
   * Whether the rows read are the requests the cells put on the page: each one, at the place and
   * time the cells have for it. A request deleted, moved or re-dated behind the server's back fails
   * this (a change the check missed cannot: it would have a newer change_xid).
   */
  static boolean describes(List<Entry> entries, List<SearchRow> rows) {
    if (entries.size() != rows.size()) {
      return false;
    }
    Map<Long, Entry> byId = new HashMap<>();
    entries.forEach(entry -> byId.put(entry.id(), entry));
    for (SearchRow row : rows) {
      Entry entry = byId.get(row.id());
      ServiceRequest request = row.request();
      if (entry == null
          || request.latitude() == null
          || request.longitude() == null
          || request.latitude() != entry.lat()
          || request.longitude() != entry.lon()
          || !Long.valueOf(entry.micros()).equals(micros(request.requestedDatetime()))) {
        return false;
      }
    }
    return true;
  }

  /** The page from the cells: the reach newest matches, of which the slice; null when unsure. */
  private static List<Entry> merge(ServiceRequestQuery query, Map<Long, Cell> found) {
    long reach = ServiceRequestSearch.reach(query);
    Long fromMicros = micros(query.from());
    Long toMicros = micros(query.to());
    Within within = Within.of(query);
    // Heads of the cells, newest first: [cell index, position].
    List<Cell> lists = new ArrayList<>(found.values());
    PriorityQueue<int[]> heads =
        new PriorityQueue<>(
            Math.max(1, lists.size()),
            (a, b) -> {
              Cell x = lists.get(a[0]);
              Cell y = lists.get(b[0]);
              int order = Long.compare(y.micros()[b[1]], x.micros()[a[1]]);
              return order != 0 ? order : Long.compare(y.ids()[b[1]], x.ids()[a[1]]);
            });
    for (int i = 0; i < lists.size(); i++) {
      if (lists.get(i).size() > 0) {
        heads.add(new int[] {i, 0});
      } else if (lists.get(i).truncated()) {
        return null;
      }
    }
    List<Entry> matches = new ArrayList<>();
    // A cell that holds fewer than it has ran out: what it has next may be newer than any head.
    boolean blind = false;
    while (matches.size() < reach) {
      if (blind) {
        return null;
      }
      int[] head = heads.poll();
      if (head == null) {
        break; // every request of the area is in the cells, and all were seen
      }
      Cell cell = lists.get(head[0]);
      int at = head[1];
      long micro = cell.micros()[at];
      if (fromMicros != null && micro < fromMicros) {
        break; // everything after is older still
      }
      if ((toMicros == null || micro < toMicros)
          && within.test(cell.lats()[at], cell.longs()[at])) {
        matches.add(
            new Entry(
                cell.ids()[at], cell.tids()[at], micro, cell.lats()[at], cell.longs()[at]));
      }
      if (at + 1 < cell.size()) {
        heads.add(new int[] {head[0], at + 1});
      } else {
        blind = cell.truncated();
      }
    }
    int from = (int) Math.min(query.offset(), matches.size());
    return List.copyOf(matches.subList(from, matches.size()));
  }

  /**
   * The circle and box tests the statement makes (SearchFilters), on a plane where that cannot
   * decide wrongly: within 95% of the radius or beyond 105% of it. The plane's error at 10 km is
   * under 1% up to 80 degrees of latitude; nearer the edge, or the poles, the exact distance
   * decides, as in the statement.
   */
  record Within(ServiceRequestQuery query, double cosLatitude, double inner, double outer) {

    private static final double METERS_PER_DEGREE = Circle.EARTH_RADIUS_METERS * Math.PI / 180;

    static Within of(ServiceRequestQuery query) {
      Circle circle = query.near();
      if (circle == null || Math.abs(circle.latitude()) > 80) {
        return new Within(query, 0, -1, Double.MAX_VALUE);
      }
      double radius = circle.radiusMeters();
      return new Within(
          query,
          Math.cos(Math.toRadians(circle.latitude())),
          square(radius * 0.95),
          square(radius * 1.05));
    }

    boolean test(double lat, double lon) {
      BoundingBox box = query.bbox();
      if (box != null
          && !(lon >= box.minLongitude()
              && lon <= box.maxLongitude()
              && lat >= box.minLatitude()
              && lat <= box.maxLatitude())) {
        return false;
      }
      Circle circle = query.near();
      if (circle == null) {
        return true;
      }
      double longitudes = lon - circle.longitude();
      if (Math.abs(longitudes) < 90) {
        double north = (lat - circle.latitude()) * METERS_PER_DEGREE;
        double east = longitudes * METERS_PER_DEGREE * cosLatitude;
        double planar = north * north + east * east;
        if (planar < inner) {
          return true;
        }
        if (planar > outer) {
          return false;
        }
      }
      return Circle.distanceMeters(circle.latitude(), circle.longitude(), lat, lon)
          <= circle.radiusMeters();
    }

    private static double square(double x) {
      return x * x;
    }
  }

  /** The cells, those not in memory read now; null when they could not be kept (see lock). */
  private Map<Long, Cell> cells(Handle handle, String jurisdictionId, List<Long> ids) {
    Map<Long, Cell> found = new HashMap<>();
    List<Long> missing = new ArrayList<>();
    for (long id : ids) {
      Cell cell = cells.get(new Key(jurisdictionId, id));
      if (cell == null) {
        missing.add(id);
      } else {
        found.put(id, cell);
      }
    }
    if (missing.isEmpty()) {
      return found;
    }
    long loadedIn;
    synchronized (lock) {
      loadedIn = generation;
    }
    Map<Long, Cell> loaded = load(handle, jurisdictionId, missing);
    // A refresh that ran meanwhile skipped these cells, not being in memory yet, and moved
    // since past changes the rows read may lack: keep them only if none did.
    synchronized (lock) {
      if (generation != loadedIn) {
        return null;
      }
      if (cells.size() + loaded.size() > MAX_CELLS) {
        cells.clear();
        generation++;
      }
      jurisdictions.add(jurisdictionId);
      for (Map.Entry<Long, Cell> cell : loaded.entrySet()) {
        found.put(
            cell.getKey(),
            cells.merge(
                new Key(jurisdictionId, cell.getKey()), cell.getValue(), (kept, read) -> kept));
      }
    }
    return found;
  }

  private static Map<Long, Cell> load(Handle handle, String jurisdictionId, List<Long> ids) {
    Map<Long, List<Entry>> rows = new HashMap<>();
    for (long id : ids) {
      rows.put(id, new ArrayList<>());
    }
    handle
        .createQuery(LOAD)
        .bindArray("cells", Long.class, ids)
        .bind("jurisdictionId", jurisdictionId)
        .map(
            (rs, ctx) -> {
              rows.get(rs.getLong("cell"))
                  .add(
                      new Entry(
                          rs.getLong("id"),
                          tid(rs.getString("tid")),
                          rs.getLong("micros"),
                          rs.getDouble("lat"),
                          rs.getDouble("long")));
              return null;
            })
        .forEach(ignored -> {});
    Map<Long, Cell> loaded = new HashMap<>();
    rows.forEach((id, entries) -> loaded.put(id, cell(entries, false)));
    return loaded;
  }

  /** The newest {@link #PER_CELL} of the entries; truncated when there were more, or were. */
  private static Cell cell(List<Entry> newestFirst, boolean truncated) {
    truncated |= newestFirst.size() > PER_CELL;
    int n = Math.min(PER_CELL, newestFirst.size());
    long[] ids = new long[n];
    long[] tids = new long[n];
    long[] micros = new long[n];
    double[] lats = new double[n];
    double[] longs = new double[n];
    for (int i = 0; i < n; i++) {
      Entry entry = newestFirst.get(i);
      ids[i] = entry.id();
      tids[i] = entry.tid();
      micros[i] = entry.micros();
      lats[i] = entry.lat();
      longs[i] = entry.lon();
    }
    return new Cell(ids, tids, micros, lats, longs, truncated);
  }

  /** Applies the changes since {@code since} to the cells in memory and moves it on. */
  public void refresh() {
    jdbi.useTransaction(
        TransactionIsolationLevel.REPEATABLE_READ,
        handle -> {
          long oldestRunning = oldestRunning(handle);
          long from = since;
          List<Change> changes = new ArrayList<>();
          boolean flood = false;
          for (String jurisdictionId : new HashSet<>(jurisdictions)) {
            List<Change> found =
                handle
                    .createQuery(CHANGES + (maxChanges + 1))
                    .bind("jurisdictionId", jurisdictionId)
                    .bind("since", Long.toString(from))
                    .map(
                        (rs, ctx) ->
                            new Change(
                                jurisdictionId,
                                rs.getLong("cell"),
                                rs.wasNull(),
                                rs.getLong("id"),
                                tid(rs.getString("tid")),
                                rs.getLong("micros"),
                                rs.getDouble("lat"),
                                rs.getDouble("long")))
                    .list();
            changes.addAll(found);
            flood |= found.size() > maxChanges;
          }
          synchronized (lock) {
            if (flood) {
              if (!suspended) {
                log.info("requests change too fast for the map cells; searched without them");
              }
              cells.clear();
            } else {
              changes.forEach(this::apply);
            }
            suspended = flood;
            generation++;
            since = oldestRunning;
          }
        });
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // The cells stay as they are, still checked by every search; the next refresh tries again.
      log.warn("could not bring the map cells up to date: {}", e.getMessage());
    }
  }

  private record Change(
      String jurisdictionId,
      long cell,
      boolean noPlace,
      long id,
      long tid,
      long micros,
      double lat,
      double lon) {}

  /** One changed request into its cell, if that cell is in memory. Call with the lock held. */
  private void apply(Change change) {
    if (change.noPlace()) {
      return; // no location: in no cell; if it had one, its old cell is checked by its reader
    }
    cells.computeIfPresent(
        new Key(change.jurisdictionId(), change.cell()),
        (key, cell) ->
            cell.with(
                new Entry(
                    change.id(), change.tid(), change.micros(), change.lat(), change.lon())));
  }

  private static long oldestRunning(Handle handle) {
    return Long.parseLong(
        handle
            .createQuery("select pg_snapshot_xmin(pg_current_snapshot())::text")
            .mapTo(String.class)
            .one());
  }

  private static Long micros(OffsetDateTime time) {
    return time == null ? null : PostgresTime.micros(time);
  }

  private static boolean newer(long microsA, long idA, long microsB, long idB) {
    return microsA > microsB || (microsA == microsB && idA > idB);
  }
}
