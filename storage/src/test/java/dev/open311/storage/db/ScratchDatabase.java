package dev.open311.storage.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * An embedded PostgreSQL of its own, migrated step by step: for tests of what one migration does
 * to rows written under the schema before it.
 */
final class ScratchDatabase implements AutoCloseable {

  private final EmbeddedDatabase database;
  private final HikariDataSource pool;
  final Jdbi jdbi;

  private ScratchDatabase(EmbeddedDatabase database, HikariDataSource pool) {
    this.database = database;
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
  }

  /** Starts PostgreSQL in {@code directory} and migrates it up to {@code version}. */
  static ScratchDatabase at(Path directory, String version) {
    EmbeddedDatabase database = EmbeddedDatabase.startOrAttach(directory);
    ScratchDatabase scratch =
        new ScratchDatabase(
            database,
            DataSources.pool(
                database.jdbcUrl(), EmbeddedDatabase.USER, null, 2, Duration.ofSeconds(30)));
    scratch.migrateTo(version);
    return scratch;
  }

  void migrateTo(String version) {
    Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration")
        .target(version)
        .load()
        .migrate();
  }

  /** Each request's id and change_xid, by id: a migration must leave them as they were. */
  List<String> harvestOrder() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select id || ' ' || change_xid from service_request order by id")
                .mapTo(String.class)
                .list());
  }

  @Override
  public void close() {
    pool.close();
    database.close();
  }
}
