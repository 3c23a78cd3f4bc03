package dev.open311.storage.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The connection pool every query goes through. */
public final class DataSources {

  private DataSources() {}

  /**
   * Opens a pool; HikariCP connects once at start, so a wrong URL or password fails here, at
   * start-up, with the driver's message.
   */
  public static HikariDataSource pool(String jdbcUrl, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("open311");
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    return new HikariDataSource(config);
  }
}
