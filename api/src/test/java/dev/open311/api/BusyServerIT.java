package dev.open311.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.open311.api.server.Open311Server;
import dev.open311.api.server.ServerConfig;
import dev.open311.storage.DatabaseConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A read that waits out its turn for the database is answered 503 with Retry-After, in the
 * requested format, and the server answers again once the turn is free. The one turn is held by a
 * list that PostgreSQL keeps waiting on a table lock taken from outside.
 *
 * <p>Every call has a read timeout: a call that PostgreSQL keeps waiting, here by design, would
 * otherwise hang the build rather than fail this test.
 */
class BusyServerIT {

  // The statements the tests make wait, told from any the server runs of its own accord.
  private static final String LIST = "%r.change_xid::text as change_xid%";
  private static final String FILING = "%insert into service_request (%";

  @Test
  void aReadThatWaitsOutItsTurnIsA503WithRetryAfterInTheRequestedFormat() throws Exception {
    ExternalTestDatabase.reset();
    ServerConfig local = LocalServer.config();
    DatabaseConfig database =
        local.database().withConcurrency(1).withConnectionTimeout(Duration.ofMillis(500));
    ServerConfig config =
        new ServerConfig(
            local.host(), local.port(), database, local.endpointType(), local.loadDemoCatalog());
    ExecutorService threads = Executors.newSingleThreadExecutor();
    try (Open311Server server = Open311Server.start(config);
        Connection locker = connect(server, database);
        Connection watcher = connect(server, database)) {
      String base = server.baseUrl().toString();
      locker.setAutoCommit(false);
      try (Statement statement = locker.createStatement()) {
        statement.execute("lock table service_request in access exclusive mode");
      }
      Future<Integer> holder =
          threads.submit(() -> client(base).get("requests.json").statusCode());
      awaitLockWaiters(watcher, 1, LIST);

      client(base)
          .get("requests.xml")
          .then()
          .statusCode(503)
          .header("Retry-After", "5")
          .contentType(containsString("xml"))
          .body("errors.error.code", equalTo("503"));
      client(base)
          .get("requests/1.json")
          .then()
          .statusCode(503)
          .header("Retry-After", "5")
          .contentType(containsString("json"))
          .body("[0].code", equalTo(503));

      locker.rollback();
      assertEquals(200, holder.get(20, TimeUnit.SECONDS));
      client(base).get("requests.json").then().statusCode(200);
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * Filings take their connections from the pool without a turn. When every one of them is held
   * (here by filings PostgreSQL keeps waiting on a lock), the next filing that waits out the
   * connection timeout is a 503 too, not a failure of ours, and the waiting filings complete once
   * the lock is gone.
   */
  @Test
  void aFilingThatFindsThePoolExhaustedIsA503() throws Exception {
    ExternalTestDatabase.reset();
    ServerConfig local = LocalServer.config();
    DatabaseConfig d = local.database();
    // Two connections: one turn for reads, and the pool's other one.
    DatabaseConfig database =
        new DatabaseConfig(
            d.jdbcUrl(), d.user(), d.password(), d.dataDir(), 2, 1, Duration.ofMillis(500));
    ServerConfig config =
        new ServerConfig(
            local.host(), local.port(), database, local.endpointType(), local.loadDemoCatalog());
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (Open311Server server = Open311Server.start(config);
        Connection locker = connect(server, database);
        Connection watcher = connect(server, database)) {
      String base = server.baseUrl().toString();
      String key = server.storage().apiKeys().create("busy");
      assertEquals(200, file(base, key).statusCode()); // the key is cached from here on
      locker.setAutoCommit(false);
      try (Statement statement = locker.createStatement()) {
        statement.execute("lock table service_request in access exclusive mode");
      }
      Future<Integer> first = threads.submit(() -> file(base, key).statusCode());
      Future<Integer> second = threads.submit(() -> file(base, key).statusCode());
      awaitLockWaiters(watcher, 2, FILING);

      file(base, key)
          .then()
          .statusCode(503)
          .header("Retry-After", "5")
          .contentType(containsString("json"))
          .body("[0].code", equalTo(503))
          .body("[0].description", containsString("try again"));

      locker.rollback();
      assertEquals(200, first.get(20, TimeUnit.SECONDS));
      assertEquals(200, second.get(20, TimeUnit.SECONDS));
      assertEquals(200, file(base, key).statusCode());
      // The refused filing wrote nothing: the warm-up, the two that waited and the last one.
      client(base).get("requests.json").then().statusCode(200).body("size()", equalTo(4));
    } finally {
      threads.shutdownNow();
    }
  }

  private static io.restassured.response.Response file(String base, String key) {
    return client(base)
        .formParam("api_key", key)
        .formParam("service_code", "SDW")
        .formParam("address_string", "121 N LaSalle St")
        .post("requests.json");
  }

  private static Connection connect(Open311Server server, DatabaseConfig database)
      throws SQLException {
    if (!database.isEmbedded()) {
      return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
    Matcher port = Pattern.compile("on port (\\d+)").matcher(server.storage().describe());
    if (!port.find()) {
      throw new IllegalStateException("no port in " + server.storage().describe());
    }
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port.group(1) + "/postgres", "postgres", null);
  }

  /**
   * Waits until {@code count} statements like {@code pattern} wait on a lock. Counting every
   * waiter would count the server's own background work too (a re-tag of areas, say), and the
   * test would go on before the calls it holds are held.
   */
  private static void awaitLockWaiters(Connection watcher, int count, String pattern)
      throws Exception {
    for (int i = 0; i < 2000; i++) {
      try (PreparedStatement statement =
          watcher.prepareStatement(
              "select count(*) from pg_stat_activity"
                  + " where wait_event_type = 'Lock' and query like ?")) {
        statement.setString(1, pattern);
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          if (rows.getInt(1) >= count) {
            return;
          }
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError(count + " statements like " + pattern + " did not come to wait");
  }

  private static RequestSpecification client(String base) {
    return given()
        .baseUri(base)
        .config(
            RestAssuredConfig.config()
                .httpClient(
                    HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 10_000)
                        .setParam("http.socket.timeout", 30_000)));
  }
}
