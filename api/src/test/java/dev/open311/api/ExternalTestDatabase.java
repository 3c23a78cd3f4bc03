package dev.open311.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The external PostgreSQL named by {@code OPEN311_TEST_DB_URL}, when tests run against one: test
 * classes share it, so each starts from an empty schema (what earlier classes left would change
 * what it sees, e.g. a second jurisdiction makes jurisdiction_id required).
 */
final class ExternalTestDatabase {

  private ExternalTestDatabase() {}

  /** Empties the external test database; does nothing when tests use the embedded one. */
  static void reset() {
    String url = System.getenv("OPEN311_TEST_DB_URL");
    if (url == null || url.isBlank()) {
      return;
    }
    try (Connection connection =
            DriverManager.getConnection(
                url, System.getenv("OPEN311_TEST_DB_USER"), System.getenv("OPEN311_TEST_DB_PASSWORD"));
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema public cascade");
      statement.execute("create schema public");
    } catch (SQLException e) {
      throw new IllegalStateException("could not reset the external test database " + url, e);
    }
  }
}
