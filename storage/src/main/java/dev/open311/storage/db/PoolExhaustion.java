package dev.open311.storage.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The pool, whose "no connection in time" carries the same cause as {@link FairDataSource}'s: all
 * connections busy (filings waiting on a lock, say), or none to be had because PostgreSQL is down
 * or restarting. Either way the server cannot answer now and may a little later, which the layers
 * above tell the client (storage gives the standard's 503) instead of a failure of ours.
 */
public final class PoolExhaustion extends DelegatingDataSource {

  private final Supplier<? extends Exception> busy;

  /**
   * @param pool HikariCP, which throws {@link SQLTransientConnectionException} when no connection
   *     came within its connection timeout
   * @param busy the cause of the exception thrown instead
   */
  public PoolExhaustion(DataSource pool, Supplier<? extends Exception> busy) {
    super(pool);
    this.busy = busy;
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      return pool.getConnection();
    } catch (SQLTransientConnectionException e) {
      // HikariCP's cause, when it has one, is why it could not connect ("Connection refused").
      Throwable why = e.getCause();
      SQLTransientConnectionException marked =
          new SQLTransientConnectionException(
              why == null ? e.getMessage() : e.getMessage() + " " + why.getMessage(),
              e.getSQLState(),
              busy.get());
      marked.addSuppressed(e);
      throw marked;
    }
  }
}
