package dev.open311.storage.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** HikariCP's "no connection in time" marked for the layers above, on a real pool. */
@ExtendWith(SharedStorage.class)
class PoolExhaustionIT {

  private final HikariDataSource open;

  PoolExhaustionIT(Storage storage) throws SQLException {
    this.open = TestDatabases.dataSource(storage).unwrap(HikariDataSource.class);
  }

  /** What a caller who waited in vain finds as the cause. */
  private static final class Busy extends Exception {
    private static final long serialVersionUID = 1L;
  }

  private HikariDataSource poolOfOne() {
    return DataSources.pool(
        open.getJdbcUrl(), open.getUsername(), open.getPassword(), 1, Duration.ofMillis(250));
  }

  @Test
  void aCallerWhoFindsEveryConnectionTakenGetsTheMarkedCause() throws SQLException {
    try (HikariDataSource pool = poolOfOne()) {
      PoolExhaustion marked = new PoolExhaustion(pool, Busy::new);
      try (Connection held = marked.getConnection()) {
        SQLTransientConnectionException thrown =
            assertThrows(SQLTransientConnectionException.class, marked::getConnection);
        assertEquals(Busy.class, thrown.getCause().getClass());
        // HikariCP's own words stay in the message and its exception among the suppressed.
        assertTrue(thrown.getMessage().contains("request timed out"), thrown.getMessage());
        assertEquals(1, thrown.getSuppressed().length);
        assertFalse(held.isClosed());
      }
      try (Connection again = marked.getConnection()) {
        assertTrue(again.isValid(1), "the pool lends again once the connection is back");
      }
    }
  }

  @Test
  void otherFailuresPassUnmarked() {
    HikariDataSource pool = poolOfOne();
    pool.close();
    PoolExhaustion marked = new PoolExhaustion(pool, Busy::new);
    SQLException thrown = assertThrows(SQLException.class, marked::getConnection);
    assertFalse(thrown instanceof SQLTransientConnectionException, thrown.toString());
    assertNull(thrown.getCause());
  }
}
