package dev.open311.storage.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
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
    try (ScratchDatabase database = ScratchDatabase.at(tempDir.resolve("db"), "12")) {
      Jdbi jdbi = database.jdbi;
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
      List<String> before = database.harvestOrder();

      database.migrateTo("13");

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
      assertEquals(before, database.harvestOrder());
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
}
