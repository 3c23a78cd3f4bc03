package dev.open311.storage.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gate in front of the pool, on the storage's real pool and PostgreSQL. */
@ExtendWith(SharedStorage.class)
class FairDataSourceIT {

  private final DataSource pool;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  FairDataSourceIT(Storage storage) {
    this.pool = TestDatabases.dataSource(storage);
  }

  /** What a caller who waited in vain finds as the cause. */
  private static final class Busy extends Exception {
    private static final long serialVersionUID = 1L;
  }

  private static FairDataSource gate(DataSource pool, int limit, Duration timeout) {
    return new FairDataSource(pool, limit, timeout, Busy::new);
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void lendsAtMostItsLimitAndTheNextCallerGetsTheFirstOneClosed() throws Exception {
    FairDataSource gate = gate(pool, 2, Duration.ofSeconds(20));
    Holders holders = holdEveryTurn(gate);

    Future<Integer> third = threads.submit(() -> select(gate));
    awaitWaiting(gate, 1);
    assertFalse(third.isDone(), "a third connection was lent while two were out");

    holders.release();
    assertEquals(1, third.get(20, TimeUnit.SECONDS));
    assertEquals(2, gate.available());
  }

  @Test
  void waitingCallersAreServedInArrivalOrder() throws Exception {
    FairDataSource gate = gate(pool, 1, Duration.ofSeconds(20));
    Holders holder = holdEveryTurn(gate);

    List<Integer> served = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> waiters = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int arrival = i;
      waiters.add(
          threads.submit(
              () -> {
                try (Connection connection = gate.getConnection()) {
                  served.add(arrival);
                }
                return null;
              }));
      awaitWaiting(gate, i + 1); // queued before the next one arrives
    }
    holder.release();
    for (Future<?> waiter : waiters) {
      waiter.get(20, TimeUnit.SECONDS);
    }
    assertEquals(List.of(0, 1, 2, 3, 4, 5), served);
  }

  @Test
  void aThreadThatGaveItsTurnBackQueuesBehindThoseAlreadyWaiting() throws Exception {
    // HikariCP hands a returned connection straight back to the thread that returned it.
    FairDataSource gate = gate(pool, 1, Duration.ofSeconds(20));
    List<String> served = Collections.synchronizedList(new ArrayList<>());
    Connection first = gate.getConnection();
    Future<?> waiter =
        threads.submit(
            () -> {
              try (Connection connection = gate.getConnection()) {
                served.add("waiter");
              }
              return null;
            });
    awaitWaiting(gate, 1);
    first.close();
    try (Connection again = gate.getConnection()) {
      served.add("returner");
    }
    waiter.get(20, TimeUnit.SECONDS);
    assertEquals(List.of("waiter", "returner"), served);
  }

  @Test
  void aThreadHoldingAConnectionTakesAnotherWithoutWaitingOnItself() throws Exception {
    // With one turn, a second connection on the same thread would wait for the first for ever.
    FairDataSource gate = gate(pool, 1, Duration.ofMillis(200));
    try (Connection outer = gate.getConnection()) {
      try (Connection inner = gate.getConnection()) {
        assertEquals(1, select(inner));
      }
      assertEquals(0, gate.available(), "closing the inner connection gave the turn back early");
      assertEquals(1, select(outer));
    }
    assertEquals(1, gate.available());
  }

  @Test
  void aCallerWhoWaitsTooLongGetsHikarisExceptionType() throws Exception {
    FairDataSource gate = gate(pool, 1, Duration.ofMillis(200));
    Holders holder = holdEveryTurn(gate);
    try {
      Future<?> late = threads.submit(() -> gate.getConnection());
      ExecutionException thrown =
          assertThrows(ExecutionException.class, () -> late.get(20, TimeUnit.SECONDS));
      assertTrue(thrown.getCause() instanceof SQLTransientConnectionException, thrown.toString());
      assertTrue(thrown.getCause().getMessage().contains("--db-concurrency"));
      // Caused by what the gate was given, for the layers above to recognise (storage: a 503).
      assertEquals(Busy.class, thrown.getCause().getCause().getClass());
    } finally {
      holder.release();
    }
    assertEquals(1, gate.available());
  }

  @Test
  void closingTwiceGivesOneTurnBack() throws Exception {
    FairDataSource gate = gate(pool, 2, Duration.ofSeconds(1));
    Connection connection = gate.getConnection();
    connection.close();
    connection.close();
    assertEquals(2, gate.available());
    assertTrue(connection.isClosed());
  }

  @Test
  void aConnectionThePoolCannotGiveTakesNoTurn() throws SQLException {
    HikariDataSource open = pool.unwrap(HikariDataSource.class);
    HikariDataSource closed =
        DataSources.pool(
            open.getJdbcUrl(), open.getUsername(), open.getPassword(), 1, Duration.ofSeconds(1));
    closed.close();
    FairDataSource gate = gate(closed, 1, Duration.ofSeconds(1));
    assertThrows(SQLException.class, gate::getConnection);
    assertEquals(1, gate.available());
  }

  /** Threads holding every turn of the gate until released. */
  private record Holders(CountDownLatch latch, List<Future<?>> threads) {
    void release() throws Exception {
      latch.countDown();
      for (Future<?> thread : threads) {
        thread.get(20, TimeUnit.SECONDS);
      }
    }
  }

  private Holders holdEveryTurn(FairDataSource gate) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(1);
    List<Future<?>> holders = new ArrayList<>();
    for (int i = 0; i < gate.limit(); i++) {
      holders.add(
          threads.submit(
              () -> {
                try (Connection connection = gate.getConnection()) {
                  latch.await();
                  assertEquals(1, select(connection));
                }
                return null;
              }));
    }
    awaitFree(gate, 0);
    return new Holders(latch, holders);
  }

  private static int select(DataSource source) throws SQLException {
    try (Connection connection = source.getConnection()) {
      return select(connection);
    }
  }

  private static int select(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select 1")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static void awaitFree(FairDataSource gate, int free) throws InterruptedException {
    for (int i = 0; i < 2000 && gate.available() != free; i++) {
      Thread.sleep(10);
    }
    assertEquals(free, gate.available());
  }

  private static void awaitWaiting(FairDataSource gate, int waiting) throws InterruptedException {
    for (int i = 0; i < 2000 && gate.waiting() != waiting; i++) {
      Thread.sleep(10);
    }
    assertEquals(waiting, gate.waiting());
  }
}
