package dev.open311.storage.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Lets at most {@code limit} connections of a pool be out at once and hands them out first come,
 * first served.
 *
 * <p>HikariCP is fast because it is not fair: a thread that returns a connection gets it straight
 * back on its next borrow, ahead of threads already waiting. A server thread serves one request
 * after another, so with fewer connections than requests in flight some requests waited very long:
 * with a pool of 4 and 16 clients, a page of 50 requests had a p50 of 4 ms and a p99 of 169-269 ms.
 * With the pool as large as the clients, nothing waits on the pool, but PostgreSQL then runs 16
 * statements on 2 cores, time-sliced, and the p99 was 30-450 ms. This gate queues requests in
 * arrival order in front of the pool, so a few statements run at once, each to its end: the same
 * page had a p99 of 9 ms at 95% of the throughput (see {@code bench/results}).
 *
 * <p>A thread that already holds a connection through this gate takes another without waiting (a
 * plain JDBC read inside a Jdbi handle, say): it would otherwise wait on itself once every permit
 * is out. Waiting ends after {@code timeout} with the same exception type HikariCP throws when its
 * pool is exhausted.
 */
public final class FairDataSource extends DelegatingDataSource {

  private final int limit;
  private final Semaphore permits;
  private final long timeoutNanos;
  private final Supplier<? extends Exception> busy;
  // Connections this thread holds through the gate; only the first one took a permit.
  private final ThreadLocal<Holding> holding = ThreadLocal.withInitial(Holding::new);

  private static final class Holding {
    int connections;
  }

  /**
   * @param pool where connections come from; it should hold at least {@code limit}
   * @param limit connections out at once, at least 1
   * @param timeout how long a caller waits for its turn
   * @param busy the cause of the exception a caller who waited in vain gets, for the layers above
   *     to recognise (storage gives the standard's 503)
   */
  public FairDataSource(
      DataSource pool, int limit, Duration timeout, Supplier<? extends Exception> busy) {
    super(pool);
    if (limit < 1) {
      throw new IllegalArgumentException("the limit must be at least 1, not " + limit);
    }
    this.limit = limit;
    this.permits = new Semaphore(limit, true);
    this.timeoutNanos = timeout.toNanos();
    this.busy = busy;
  }

  /** Connections allowed out at once. */
  public int limit() {
    return limit;
  }

  /** Turns free now; for tests and diagnostics. */
  public int available() {
    return permits.availablePermits();
  }

  /** Callers waiting for their turn, as an estimate; for tests and diagnostics. */
  public int waiting() {
    return permits.getQueueLength();
  }

  @Override
  public Connection getConnection() throws SQLException {
    Holding held = holding.get();
    boolean permit = held.connections == 0;
    if (permit) {
      await();
    }
    try {
      Connection connection = pool.getConnection();
      held.connections++;
      return gated(connection, held, permit);
    } catch (SQLException | RuntimeException | Error e) {
      if (permit) {
        permits.release();
      }
      throw e;
    }
  }

  /**
   * Waits for a turn. Running out of time throws the exception type HikariCP throws when its pool
   * is exhausted, caused by what {@code busy} gives.
   */
  private void await() throws SQLException {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("interrupted waiting for a database connection", e);
    }
    if (!acquired) {
      long waited = TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
      throw new SQLTransientConnectionException(
          "no database connection free after "
              + waited
              + " ms: all "
              + limit
              + " in use (--db-concurrency)",
          busy.get());
    }
  }

  /** The connection, whose first close gives the permit back. */
  private Connection gated(Connection connection, Holding held, boolean permit) {
    boolean[] closed = {false};
    return (Connection)
        Proxy.newProxyInstance(
            FairDataSource.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "close" -> {
                    if (closed[0]) {
                      yield null;
                    }
                    closed[0] = true;
                    try {
                      connection.close();
                    } finally {
                      held.connections--;
                      if (permit) {
                        permits.release();
                      }
                    }
                    yield null;
                  }
                  case "equals" -> proxy == args[0];
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "toString" -> "gated " + connection;
                  default -> invoke(connection, method, args);
                });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
