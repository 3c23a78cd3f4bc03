package dev.open311.storage.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V13 on a database that has requests in two jurisdictions: every request gets its own
 * jurisdiction's number (the larger one's through the column's default, the other's by an
 * update), no request moves in the harvest order, and a number that is not the jurisdiction's is
 * refused from then on.
 */
class JurisdictionNumMigrationIT {

  @TempDir Path tempDir;

  @Test
  void everyRequestGetsItsJurisdictionsNumberWithoutMovingInTheHarvestOrder() {
    try (EmbeddedDatabase database = EmbeddedDatabase.startOrAttach(tempDir.resolve("db"));
        HikariDataSource pool =
            DataSources.pool(
                database.jdbcUrl(), EmbeddedDatabase.USER, null, 2, Duration.ofSeconds(30))) {
      migrate(pool, "12");
      Jdbi jdbi = Jdbi.create(pool);
      jdbi.useHandle(
          h ->
              h.execute(
                  """
                  insert into jurisdiction (jurisdiction_id, name, time_zone, updated_at)
                  values ('small', 'S', 'UTC', now()), ('big', 'B', 'UTC', now());
                  insert into service (jurisdiction_id, service_code, service_name, type, updated_at)
                  values ('small', 'X', 'X', 'realtime', now()), ('big', 'X', 'X', 'realtime', now());
                  insert into service_request (id, service_request_id, jurisdiction_id, service_id,
                                               service_code, status, requested_at, updated_at)
                  select n, n::text, j, (select id from service where jurisdiction_id = j), 'X',
                         'open', now(), now()
                    from generate_series(1, 5) n,
                         lateral (select case when n = 3 then 'small' else 'big' end as j) x
                  """));
      List<String> before = harvestOrder(jdbi);

      migrate(pool, "13");

      assertEquals(
          List.of("1 big", "2 big", "3 small", "4 big", "5 big"),
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          """
                          select r.id || ' ' || j.jurisdiction_id
                            from service_request r join jurisdiction j on j.num = r.jurisdiction_num
                           order by r.id
                          """)
                      .mapTo(String.class)
                      .list()));
      assertEquals(before, harvestOrder(jdbi));
      assertThrows(
          UnableToExecuteStatementException.class,
          () ->
              jdbi.useHandle(
                  h ->
                      h.execute(
                          """
                          update service_request
                             set jurisdiction_num = (select num from jurisdiction
                                                      where jurisdiction_id = 'small')
                           where id = 1
                          """)),
          "a request of 'big' with the number of 'small'");
    }
  }

  private static void migrate(HikariDataSource pool, String version) {
    Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration")
        .target(version)
        .load()
        .migrate();
  }

  private static List<String> harvestOrder(Jdbi jdbi) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select id || ' ' || change_xid from service_request order by id")
                .mapTo(String.class)
                .list());
  }
}
