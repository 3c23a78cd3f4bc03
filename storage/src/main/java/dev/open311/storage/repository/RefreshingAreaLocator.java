package dev.open311.storage.repository;

import dev.open311.spec.port.Areas.RetagReport;
import dev.open311.storage.dao.AreaDao;
import dev.open311.storage.geo.AreaIndex;
import dev.open311.storage.geo.AreaLocator;
import dev.open311.storage.mapping.AreaMapping;
import dev.open311.storage.row.AreaLoadRow;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The areas filing tags new requests with: an in-memory {@link AreaIndex}, built on first use (a
 * server asks for it when it starts, {@link #watch}; a command that files nothing never reads the
 * areas) and rebuilt whenever any process (usually the {@code areas} command) loads or deletes a
 * type, so a lookup costs microseconds and no query.
 *
 * <p>From then on, every {@link #INTERVAL} a background thread reads {@code max(version)} of
 * {@code area_load} (a handful of rows); when it moved, it reads every area in one snapshot, builds
 * a new index and swaps it in. Until the swap, requests filed here get the boundaries held
 * before. So one interval after a swap, when the requests filed with the old index have
 * committed, this process re-tags for the types that changed every request filed through the API
 * since the load began ({@code change_xid} at or after its {@code tagged_xmin}; an import's rows
 * carry their file's areas and are left alone). Tags are thus right everywhere a few seconds
 * after any load.
 */
public final class RefreshingAreaLocator implements AreaLocator, AutoCloseable {

  public static final Duration INTERVAL = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(RefreshingAreaLocator.class);

  /** An index and the versions it was built from; version -1 before the first read. */
  private record State(long version, AreaIndex index, Map<String, AreaLoadRow> loads) {}

  private final Jdbi jdbi;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "area-index-refresh");
            thread.setDaemon(true);
            return thread;
          });
  private volatile State state = new State(-1, AreaIndex.EMPTY, Map.of());

  /** Types whose tags may be stale here, each with the oldest load's tagged_xmin; guarded. */
  private final Map<String, Long> staleSince = new HashMap<>();

  private long fixUpDueNanos;

  private boolean watching; // guarded by this

  private RefreshingAreaLocator(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * A locator that reads the areas when first used (a lookup, or {@link #watch}), then keeps
   * watching for changes until closed. Only filing looks areas up: a command (an import, an
   * export) neither reads them, 0.08 s of its start with the 152 demo areas, nor polls for loads.
   */
  public static RefreshingAreaLocator start(Jdbi jdbi) {
    return new RefreshingAreaLocator(jdbi);
  }

  /** Reads the areas now and only when told to: for tests that decide when a refresh happens. */
  static RefreshingAreaLocator unscheduled(Jdbi jdbi) {
    RefreshingAreaLocator locator = new RefreshingAreaLocator(jdbi);
    locator.refresh();
    return locator;
  }

  @Override
  public List<AreaRef> locate(double latitude, double longitude) {
    State current = state;
    if (current.version() < 0) {
      watch();
      current = state;
    }
    return current.index().locate(latitude, longitude);
  }

  /**
   * Reads the areas now unless it has, re-tags now what the loads it already saw left stale, and
   * keeps watching for changes from now on. A server calls it before it serves: no filing of its
   * own is in flight for the re-tag to wait for, and it does not run seconds later in the
   * background, against the first requests served.
   */
  public synchronized void watch() {
    if (state.version() < 0) {
      refresh();
    }
    fixUp();
    if (!watching) {
      long interval = INTERVAL.toMillis();
      timer.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
      watching = true;
    }
  }

  /**
   * Rebuilds the index if the areas changed since it was built.
   *
   * @return whether it did
   */
  public synchronized boolean refresh() {
    State before = state;
    if (jdbi.withExtension(AreaDao.class, AreaDao::latestVersion) == before.version()) {
      return false;
    }
    State next =
        jdbi.inTransaction(
            TransactionIsolationLevel.REPEATABLE_READ,
            handle -> {
              AreaDao dao = handle.attach(AreaDao.class);
              return new State(
                  dao.latestVersion(),
                  new AreaIndex(dao.allAreas().stream().map(AreaMapping::area).toList()),
                  dao.versions().stream()
                      .collect(Collectors.toMap(AreaLoadRow::areaType, Function.identity())));
            });
    if (before.version() >= 0) {
      for (AreaLoadRow load : next.loads().values()) {
        AreaLoadRow held = before.loads().get(load.areaType());
        if (held == null || held.version() != load.version()) {
          staleSince.merge(load.areaType(), load.taggedXmin(), Math::min);
        }
      }
      fixUpDueNanos = System.nanoTime() + INTERVAL.toNanos();
    }
    state = next;
    log.info("area index: {} areas (version {})", next.index().size(), next.version());
    return true;
  }

  /**
   * Re-tags now the requests this process may have tagged with boundaries it no longer holds.
   *
   * @return false when another writer of areas held the lock; the next tick tries again
   */
  synchronized boolean fixUp() {
    if (staleSince.isEmpty()) {
      return true;
    }
    List<String> types = List.copyOf(staleSince.keySet());
    long xmin = Collections.min(staleSince.values());
    Optional<RetagReport> done =
        AreaLock.ifFree(
            jdbi,
            handle ->
                handle.inTransaction(
                    transaction -> {
                      AreaDao dao = transaction.attach(AreaDao.class);
                      AreaIndex index =
                          new AreaIndex(
                              dao.areas(types.toArray(String[]::new)).stream()
                                  .map(AreaMapping::area)
                                  .toList());
                      return AreaRetag.changedSince(transaction, index, types, xmin);
                    }));
    done.ifPresent(
        report -> {
          staleSince.clear();
          if (report.requests() > 0) {
            log.info(
                "re-tagged {} requests written around the load of {}", report.requests(), types);
          }
        });
    return done.isPresent();
  }

  private void tick() {
    try {
      synchronized (this) {
        if (!staleSince.isEmpty() && System.nanoTime() - fixUpDueNanos >= 0) {
          fixUp();
        }
      }
      refresh();
    } catch (RuntimeException e) {
      log.warn("area index refresh failed; trying again in {}", INTERVAL, e);
    }
  }

  /** Stops watching; waits for a refresh under way so it does not outlive the pool. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
