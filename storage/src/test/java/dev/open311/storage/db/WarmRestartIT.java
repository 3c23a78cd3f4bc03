package dev.open311.storage.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL comes back from a restart with the cache it had: the blocks in its
 * shared buffers when it stopped are read in again after it starts (pg_prewarm's autoprewarm),
 * before any query asks for them.
 */
class WarmRestartIT {

  @TempDir Path directory;

  @Test
  void theBlocksCachedBeforeAStopAreCachedAgainAfterTheNextStart() throws Exception {
    long relation;
    try (EmbeddedDatabase database = EmbeddedDatabase.startOrAttach(directory);
        Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      assertEquals("on", value(statement, "show pg_prewarm.autoprewarm"));
      statement.execute(
          "create table hot as select n, repeat('x', 200) as filler"
              + " from generate_series(1, 20000) n");
      statement.execute("create extension pg_buffercache");
      relation = Long.parseLong(value(statement, "select pg_relation_filenode('hot')"));
      assertTrue(cachedBlocks(statement, relation) > 100, "the new table is in the cache");
    }
    // Stopped: the worker wrote down what the cache held.
    assertTrue(Files.readString(directory.resolve("autoprewarm.blocks")).contains("," + relation + ","));

    try (EmbeddedDatabase database = EmbeddedDatabase.startOrAttach(directory);
        Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      // The worker reads the blocks in over a moment after the start: wait for them all, not
      // for the first few (a CI run once looked while 31 of them were in).
      long cached = 0;
      for (int i = 0; i < 300 && cached <= 100; i++) {
        cached = cachedBlocks(statement, relation);
        if (cached <= 100) {
          Thread.sleep(100);
        }
      }
      assertTrue(cached > 100, "read in again without a query reading the table: " + cached);
    }
  }

  private static Connection connect(EmbeddedDatabase database) throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
  }

  private static long cachedBlocks(Statement statement, long relation) throws SQLException {
    return Long.parseLong(
        value(statement, "select count(*) from pg_buffercache where relfilenode = " + relation));
  }

  private static String value(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
