package dev.open311.api.cli;

import dev.open311.storage.DatabaseConfig;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the data lives; shared by every command. Flags win over environment variables. */
public final class DatabaseOptions {

  @Option(
      names = "--data-dir",
      defaultValue = "${env:OPEN311_DATA_DIR:-./open311-data}",
      description = "Embedded PostgreSQL data directory (env OPEN311_DATA_DIR; default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      defaultValue = "${env:OPEN311_DB_URL}",
      description = "External PostgreSQL, e.g. jdbc:postgresql://localhost:5432/open311 (env OPEN311_DB_URL). Without it an embedded PostgreSQL runs in --data-dir.")
  String url;

  @Option(
      names = "--db-user",
      defaultValue = "${env:OPEN311_DB_USER}",
      description = "User for --db (env OPEN311_DB_USER).")
  String user;

  @Option(
      names = "--db-password",
      defaultValue = "${env:OPEN311_DB_PASSWORD}",
      description = "Password for --db (env OPEN311_DB_PASSWORD).")
  String password;

  @Option(
      names = "--db-pool-size",
      defaultValue = "${env:OPEN311_DB_POOL_SIZE:-16}",
      description = "Database connections (env OPEN311_DB_POOL_SIZE; default ${DEFAULT-VALUE}).")
  int poolSize;

  @Option(
      names = "--db-connection-timeout",
      paramLabel = "SECONDS",
      defaultValue = "${env:OPEN311_DB_CONNECTION_TIMEOUT:-30}",
      description =
          "How long a caller waits for a database connection, or for its turn (serve"
              + " --db-concurrency), before failing; a request is then answered 503 (env"
              + " OPEN311_DB_CONNECTION_TIMEOUT; default ${DEFAULT-VALUE}).")
  int connectionTimeoutSeconds;

  DatabaseConfig config() {
    return config(1);
  }

  /**
   * The configuration with at least {@code needed} connections: a command whose workers each
   * hold one beside its own would otherwise wait on the pool for ever.
   */
  DatabaseConfig config(int needed) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("--db-pool-size must be at least 1");
    }
    if (connectionTimeoutSeconds < 1) {
      throw new IllegalArgumentException("--db-connection-timeout must be at least 1 second");
    }
    return new DatabaseConfig(
            url == null || url.isBlank() ? null : url,
            user,
            password,
            dataDir,
            Math.max(poolSize, needed))
        .withConnectionTimeout(Duration.ofSeconds(connectionTimeoutSeconds));
  }
}
