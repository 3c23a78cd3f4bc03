package dev.open311.storage;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the data lives: an external PostgreSQL named by its JDBC URL, or, when {@code jdbcUrl} is
 * null, the embedded PostgreSQL kept in {@code dataDir/postgres}.
 *
 * @param user ignored for the embedded database, which trusts its local superuser
 * @param password ignored for the embedded database; never printed by {@link #toString()}
 * @param dataDir required for the embedded database, ignored otherwise
 * @param poolSize connections kept open, at least 1
 * @param concurrency connections out at once for requests served, handed out first come, first
 *     served (see {@link dev.open311.storage.db.FairDataSource}); 0 for no such limit (bulk
 *     commands, which size their own workers). At most {@code poolSize - 1} take effect: one
 *     connection stays for exports and the caches' re-reads, so a pool of one has no limit
 * @param connectionTimeout how long a caller waits for a connection, or for its turn, before
 *     failing (a request served is then answered 503); at least 250 ms, HikariCP's minimum
 */
public record DatabaseConfig(
    String jdbcUrl,
    String user,
    String password,
    Path dataDir,
    int poolSize,
    int concurrency,
    Duration connectionTimeout) {

  /** HikariCP's own default, ample for one process on a few cores. */
  public static final int DEFAULT_POOL_SIZE = 10;

  /** HikariCP's own default. */
  public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

  public DatabaseConfig {
    if (jdbcUrl == null && dataDir == null) {
      throw new IllegalArgumentException(
          "database: give a data directory for the embedded PostgreSQL or a JDBC URL");
    }
    if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "database: the JDBC URL must start with jdbc:postgresql: (got " + redact(jdbcUrl) + ")");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("database: pool size must be at least 1, not " + poolSize);
    }
    if (concurrency < 0) {
      throw new IllegalArgumentException(
          "database: concurrency must be 0 (no limit) or more, not " + concurrency);
    }
    if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
      throw new IllegalArgumentException(
          "database: the connection timeout must be at least 250 ms, not " + connectionTimeout);
    }
  }

  /** Without a concurrency limit, waiting HikariCP's default for a connection. */
  public DatabaseConfig(String jdbcUrl, String user, String password, Path dataDir, int poolSize) {
    this(jdbcUrl, user, password, dataDir, poolSize, 0, DEFAULT_CONNECTION_TIMEOUT);
  }

  /**
   * Twice the processors, at least 2: measured on 2 cores, 4 statements at once kept 95% of the
   * throughput of 16 and cut a page's p99 from 30-450 ms to 9 ms; 2 or 3 lost a fifth.
   */
  public static int defaultConcurrency() {
    return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
  }

  /** The same database with {@code limit} connections out at once (0: no limit). */
  public DatabaseConfig withConcurrency(int limit) {
    return new DatabaseConfig(
        jdbcUrl, user, password, dataDir, poolSize, limit, connectionTimeout);
  }

  /** The same database, callers waiting at most {@code timeout} for a connection or a turn. */
  public DatabaseConfig withConnectionTimeout(Duration timeout) {
    return new DatabaseConfig(jdbcUrl, user, password, dataDir, poolSize, concurrency, timeout);
  }

  public static DatabaseConfig embedded(Path dataDir) {
    return new DatabaseConfig(null, null, null, dataDir, DEFAULT_POOL_SIZE);
  }

  public static DatabaseConfig external(String jdbcUrl, String user, String password) {
    return new DatabaseConfig(jdbcUrl, user, password, null, DEFAULT_POOL_SIZE);
  }

  public boolean isEmbedded() {
    return jdbcUrl == null;
  }

  /** The JDBC URL without any password parameter, fit for logs. */
  public String redactedUrl() {
    return jdbcUrl == null ? null : redact(jdbcUrl);
  }

  // A record's generated toString would print the password into any log that shows the config.
  @Override
  public String toString() {
    return "DatabaseConfig[jdbcUrl="
        + redactedUrl()
        + ", user="
        + user
        + ", password="
        + (password == null ? null : "***")
        + ", dataDir="
        + dataDir
        + ", poolSize="
        + poolSize
        + ", concurrency="
        + concurrency
        + ", connectionTimeout="
        + connectionTimeout
        + "]";
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
  }
}
