package dev.open311.storage.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** The connection pool every query goes through. */
public final class DataSources {

  private DataSources() {}

  /**
   * Opens a pool; HikariCP connects once at start, so a wrong URL or password fails here, at
   * start-up, with the driver's message.
   *
   * @param timeout how long a caller waits for a free connection before HikariCP gives up
   */
  public static HikariDataSource pool(
      String jdbcUrl, String user, String password, int size, Duration timeout) {
    HikariConfig config = new HikariConfig();
    config.setConnectionTimeout(timeout.toMillis());
    config.setPoolName("open311");
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    // The driver prepares a statement on the server from its fifth use on a connection; from
    // then on PostgreSQL plans it once, not on every call. Left to itself ("auto") it kept
    // planning the searches afresh: 0.3 ms of planning beside 0.2 ms of execution for a page of
    // 50 requests. Every statement here is shaped so that its plan does not depend on the
    // values bound (index ranges with limits), so the generic plan is the one it would choose.
    config.addDataSourceProperty("options", "-c plan_cache_mode=force_generic_plan");
    return new HikariDataSource(config);
  }
}
