package dev.open311.storage.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date from the versioned scripts in {@code db/migration}. Flyway takes an
 * advisory lock, so two processes opening the same database at once migrate it only once.
 */
public final class Migrations {

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  /**
   * Migrates on connections of Flyway's own, not the pool's: it holds one for its lock and asks
   * for another, which a pool of one connection would never give.
   */
  public static void apply(String jdbcUrl, String user, String password) {
    MigrateResult result =
        Flyway.configure()
            .dataSource(jdbcUrl, user, password)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load()
            .migrate();
    log.info(
        "database schema at version {} ({} migration(s) applied now)",
        result.targetSchemaVersion == null
            ? result.initialSchemaVersion
            : result.targetSchemaVersion,
        result.migrationsExecuted);
  }
}
