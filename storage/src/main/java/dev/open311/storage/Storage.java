package dev.open311.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.open311.spec.error.UnavailableException;
import dev.open311.spec.port.ApiKeys;
import dev.open311.spec.port.Areas;
import dev.open311.spec.port.Catalog;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.storage.bulk.BulkData;
import dev.open311.storage.bulk.BulkIndexes;
import dev.open311.storage.cache.CachingApiKeys;
import dev.open311.storage.cache.CachingCatalog;
import dev.open311.storage.dao.CatalogVersionDao;
import dev.open311.storage.dao.RecentCells;
import dev.open311.storage.dao.SqlObjects;
import dev.open311.storage.db.DataSources;
import dev.open311.storage.db.EmbeddedDatabase;
import dev.open311.storage.db.FairDataSource;
import dev.open311.storage.db.Migrations;
import dev.open311.storage.db.PoolExhaustion;
import dev.open311.storage.repository.PostgresApiKeys;
import dev.open311.storage.repository.PostgresAreas;
import dev.open311.storage.repository.PostgresCatalog;
import dev.open311.storage.repository.PostgresServiceRequests;
import dev.open311.storage.repository.RefreshingAreaLocator;
import java.time.Clock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage module as the api module sees it: open it once with a {@link DatabaseConfig}, take
 * the ports, close it on shutdown. Opening starts (or attaches to) the embedded PostgreSQL
 * when no JDBC URL is given, opens the pool and applies pending migrations.
 */
public final class Storage implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Storage.class);

  /** What a request that waited in vain for its turn is told to wait before trying again. */
  private static final int RETRY_AFTER_SECONDS = 5;

  private final EmbeddedDatabase embedded;
  private final HikariDataSource pool;
  // Reads of requests take their turn at the gate, if there is one (see
  // DatabaseConfig#concurrency). The rest does not: filings mostly wait on the disk and share
  // its flushes, an export holds its connection for minutes and must not take a turn from pages
  // of 50, and the caches' rare re-reads are what other threads, turns in hand, may wait for.
  private final DataSource served;
  private final Jdbi jdbi;
  private final Jdbi ungated;
  private final String description;
  private final CachingCatalog catalog;
  private final ServiceRequests serviceRequests;
  private final CachingApiKeys apiKeys;
  private final RefreshingAreaLocator areaLocator;
  private final RecentCells recent;
  private final Areas areas;

  private Storage(
      DatabaseConfig config, EmbeddedDatabase embedded, HikariDataSource pool, Clock clock) {
    this.embedded = embedded;
    this.pool = pool;
    // Waiting in vain for a connection is the standard's 503, whether for a turn or the pool.
    DataSource marked =
        new PoolExhaustion(
            pool,
            () ->
                new UnavailableException(
                    "the server cannot answer now; try again in a few seconds",
                    RETRY_AFTER_SECONDS));
    this.served = gated(marked, config);
    this.jdbi = Jdbi.create(served).installPlugin(new SqlObjectPlugin());
    SqlObjects.prepare(jdbi);
    if (served == marked) {
      this.ungated = jdbi;
    } else {
      this.ungated = Jdbi.create(marked).installPlugin(new SqlObjectPlugin());
      SqlObjects.prepare(ungated);
    }
    String version =
        jdbi.withHandle(h -> h.createQuery("show server_version").mapTo(String.class).one());
    // Debian builds append their package name: "15.18 (Debian 15.18-0+deb12u1)".
    this.description = description(config, embedded, version.split(" ")[0]);
    this.catalog =
        new CachingCatalog(
            new PostgresCatalog(ungated, clock),
            () -> ungated.withExtension(CatalogVersionDao.class, CatalogVersionDao::version),
            CachingCatalog.DEFAULT_CHECK_INTERVAL);
    // Filing tags each request from an in-memory index that follows loads made by any process,
    // read when first needed (watchAreas).
    this.areaLocator = RefreshingAreaLocator.start(ungated);
    // Refreshed outside the gate, like the other caches: searches may wait for nothing of it.
    this.recent = RecentCells.start(ungated);
    this.serviceRequests =
        new PostgresServiceRequests(jdbi, ungated, served, clock, areaLocator, catalog, recent);
    this.apiKeys =
        new CachingApiKeys(
            new PostgresApiKeys(ungated, clock),
            CachingApiKeys.DEFAULT_TTL,
            CachingApiKeys.DEFAULT_MAX_ENTRIES);
    this.areas = new PostgresAreas(jdbi, clock, areaLocator);
  }

  public static Storage open(DatabaseConfig config) {
    return open(config, Clock.systemUTC());
  }

  /**
   * Opens storage whose new service requests, catalog changes and keys take their time from {@code
   * clock}: tests pass a fixed one.
   */
  public static Storage open(DatabaseConfig config, Clock clock) {
    EmbeddedDatabase embedded =
        config.isEmbedded()
            ? EmbeddedDatabase.startOrAttach(config.dataDir().resolve("postgres"))
            : null;
    HikariDataSource pool = null;
    try {
      pool =
          embedded == null
              ? DataSources.pool(
                  config.jdbcUrl(),
                  config.user(),
                  config.password(),
                  config.poolSize(),
                  config.connectionTimeout())
              : DataSources.pool(
                  embedded.jdbcUrl(),
                  EmbeddedDatabase.USER,
                  null,
                  config.poolSize(),
                  config.connectionTimeout());
      if (embedded == null) {
        Migrations.apply(config.jdbcUrl(), config.user(), config.password());
      } else {
        Migrations.apply(embedded.jdbcUrl(), EmbeddedDatabase.USER, null);
      }
      Storage storage = new Storage(config, embedded, pool, clock);
      log.info(
          "storage: {}; {} connections{}",
          storage.describe(),
          config.poolSize(),
          storage.jdbi == storage.ungated
              ? ""
              : ", " + turns(config) + " of them for requests served, first come, first served");
      // A bulk import that was interrupted or crashed left indexes out; searches need them.
      // Logged index by index: at ten million requests they take minutes.
      BulkIndexes.restorePending(storage.ungated, config.poolSize());
      return storage;
    } catch (RuntimeException e) {
      closeAfterFailure(pool, embedded, e);
      throw e;
    }
  }

  /**
   * The gate in front of the pool for requests served, or the pool itself without a limit. One
   * connection stays outside the gate for exports and the caches, so a pool of one has no gate.
   */
  private static DataSource gated(DataSource pool, DatabaseConfig config) {
    if (config.concurrency() == 0 || config.poolSize() < 2) {
      return pool;
    }
    return new FairDataSource(pool, turns(config), config.connectionTimeout(), Storage::busy);
  }

  private static UnavailableException busy() {
    return new UnavailableException(
        "the server is too busy to answer now; try again in a few seconds", RETRY_AFTER_SECONDS);
  }

  private static int turns(DatabaseConfig config) {
    return Math.min(config.concurrency(), config.poolSize() - 1);
  }

  private static String description(
      DatabaseConfig config, EmbeddedDatabase embedded, String version) {
    if (embedded == null) {
      return config.redactedUrl() + " (PostgreSQL " + version + ")";
    }
    return "embedded PostgreSQL "
        + version
        + " in "
        + embedded.directory()
        + " on port "
        + embedded.port()
        + (embedded.isAttached() ? " (attached: another process started it)" : "");
  }

  /** Releases what a failed open had acquired, keeping the failure as the exception thrown. */
  private static void closeAfterFailure(
      HikariDataSource pool, EmbeddedDatabase embedded, RuntimeException failure) {
    for (AutoCloseable resource : new AutoCloseable[] {pool, embedded}) {
      try {
        if (resource != null) {
          resource.close();
        }
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
  }

  public Catalog catalog() {
    return catalog;
  }

  public ServiceRequests serviceRequests() {
    return serviceRequests;
  }

  public ApiKeys apiKeys() {
    return apiKeys;
  }

  /** Named areas (wards ...): loading boundaries, listing, re-tagging requests in bulk. */
  public Areas areas() {
    return areas;
  }

  /** Bulk import, export and generation (the research feed and the CLI's bulk commands). */
  public BulkData bulk() {
    return new BulkData(ungated);
  }

  /**
   * Forgets the cached catalog and keys, so the next read asks the database. Without it a change
   * made behind the ports (SQL by hand, tests emptying tables) shows within a few seconds, see
   * {@link CachingCatalog#DEFAULT_CHECK_INTERVAL} and {@link CachingApiKeys#DEFAULT_TTL}.
   */
  public void refreshCaches() {
    catalog.refresh();
    apiKeys.refresh();
  }

  /**
   * Reads the areas into the index filing tags requests from, and follows later loads: a server
   * calls it when it starts, so that its first filing does not wait for the read. Without it the
   * first filing reads them; a command that files nothing never does.
   */
  public void watchAreas() {
    areaLocator.watch();
  }

  /** Where the data is, for the start-up log: never a password. */
  public String describe() {
    return description;
  }

  /** For this module's tests, which empty the tables behind the area index's back. */
  void refreshAreas() {
    areaLocator.refresh();
  }

  /** For this module's tests, which build repositories beside the storage's own. */
  javax.sql.DataSource pool() {
    return pool;
  }

  /** For this module's tests: the gate in front of the pool, or the pool without a limit. */
  DataSource served() {
    return served;
  }

  /** For this module's tests, which look at tables directly. */
  Jdbi jdbi() {
    return jdbi;
  }

  /**
   * Stops watching for area loads, closes the pool, then stops the embedded PostgreSQL if this
   * process started it.
   */
  @Override
  public void close() {
    if (pool.isClosed()) {
      return;
    }
    areaLocator.close();
    recent.close();
    pool.close();
    if (embedded != null) {
      embedded.close();
    }
    log.info("storage closed: {}", description);
  }
}
