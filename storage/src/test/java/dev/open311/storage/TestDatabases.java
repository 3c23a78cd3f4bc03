package dev.open311.storage;

import dev.open311.storage.bulk.BulkIndexes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Databases for tests, as other modules may copy it. By default an embedded PostgreSQL in a
 * directory the test owns; when {@code OPEN311_TEST_DB_URL} is set (with {@code
 * OPEN311_TEST_DB_USER} and {@code OPEN311_TEST_DB_PASSWORD}), that external database instead,
 * whose {@code public} schema is dropped and created again first. Only tests do that.
 */
public final class TestDatabases {

  public static final String URL_VARIABLE = "OPEN311_TEST_DB_URL";
  public static final String USER_VARIABLE = "OPEN311_TEST_DB_USER";
  public static final String PASSWORD_VARIABLE = "OPEN311_TEST_DB_PASSWORD";

  private TestDatabases() {}

  public static boolean isExternal() {
    String url = System.getenv(URL_VARIABLE);
    return url != null && !url.isBlank();
  }

  /** The external database when one is named, otherwise an embedded one in {@code dataDir}. */
  public static DatabaseConfig config(Path dataDir) {
    if (!isExternal()) {
      return DatabaseConfig.embedded(dataDir);
    }
    return new DatabaseConfig(
        System.getenv(URL_VARIABLE),
        System.getenv(USER_VARIABLE),
        System.getenv(PASSWORD_VARIABLE),
        null,
        4);
  }

  /** Storage on an empty, freshly migrated database. */
  public static Storage openEmpty(Path dataDir, Clock clock) {
    DatabaseConfig config = config(dataDir);
    if (!config.isEmbedded()) {
      dropSchema(config);
    }
    return Storage.open(config, clock);
  }

  /** Drops every table of an external test database, Flyway's history included. */
  public static void dropSchema(DatabaseConfig config) {
    try (Connection connection =
            DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema public cascade");
      statement.execute("create schema public");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset the test database " + config, e);
    }
  }

  /**
   * Empties every table but Flyway's history, restarts the key sequences and makes the storage
   * forget what it had cached.
   */
  public static void deleteAllRows(Storage storage) {
    // A test that stopped a bulk import early left indexes out, recorded in a table emptied here.
    BulkIndexes.restorePending(storage.jdbi(), 3);
    // The storage's own refreshers (areas, map cells) read tables in an order of their own while
    // truncate locks them in turn: the one PostgreSQL picks to break a deadlock tries again.
    for (int attempt = 1; ; attempt++) {
      try {
        truncateAll(storage.jdbi());
        break;
      } catch (JdbiException e) {
        if (attempt == 5 || !(e.getCause() instanceof SQLException sql
            && "40P01".equals(sql.getSQLState()))) {
          throw e;
        }
      }
    }
    // Filing must not go on tagging with the areas just deleted.
    storage.refreshAreas();
    storage.refreshCaches();
  }

  private static void truncateAll(Jdbi jdbi) {
    jdbi.useHandle(
        handle -> {
          List<String> tables =
              handle
                  .createQuery(
                      """
                      select quote_ident(tablename) from pg_tables
                       where schemaname = 'public' and tablename <> 'flyway_schema_history'
                      """)
                  .mapTo(String.class)
                  .list();
          handle.execute("truncate " + String.join(", ", tables) + " restart identity");
        });
  }

  /** The storage's own pool, for tests that build a repository beside the storage's. */
  public static javax.sql.DataSource dataSource(Storage storage) {
    return storage.pool();
  }

  /** The gate requests served go through (the pool itself when there is none). */
  public static javax.sql.DataSource served(Storage storage) {
    return storage.served();
  }

  /** The storage's own connection, for tests that look at tables directly. */
  public static Jdbi jdbi(Storage storage) {
    return storage.jdbi();
  }

  /** Deletes a directory tree, e.g. an embedded data directory once its server has stopped. */
  public static void deleteDirectory(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }
}
