package dev.open311.storage.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V12 on a database that has requests: their area tag rows become {@code service_request.areas},
 * sorted, and no request moves in the harvest order.
 */
class AreaTagsMigrationIT {

  @TempDir Path tempDir;

  @Test
  void tagRowsMoveOntoTheirRequestsWithoutChangingTheHarvestOrder() {
    try (ScratchDatabase database = ScratchDatabase.at(tempDir.resolve("db"), "11")) {
      Jdbi jdbi = database.jdbi;
      jdbi.useHandle(
          h ->
              h.execute(
                  """
                  insert into jurisdiction (jurisdiction_id, name, time_zone, updated_at)
                  values ('j', 'J', 'UTC', now());
                  insert into service (jurisdiction_id, service_code, service_name, type, updated_at)
                  values ('j', 'S', 'S', 'realtime', now());
                  insert into service_request (id, service_request_id, jurisdiction_id, service_id,
                                               service_code, status, requested_at, updated_at)
                  select n, n::text, 'j', (select id from service), 'S', 'open', now(), now()
                    from generate_series(1, 3) n;
                  insert into service_request_area (request_id, area_type, area_key)
                  values (1, 'ward', '42'), (1, 'community_area', '8'), (1, 'ward', '7'),
                         (2, 'police_district', 'a:b')
                  """));
      List<String> before = database.harvestOrder();

      database.migrateTo("12");

      assertEquals(
          List.of("1 {community_area:8,ward:42,ward:7}", "2 {police_district:a:b}", "3 null"),
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "select id || ' ' || coalesce(areas::text, 'null') from service_request"
                              + " order by id")
                      .mapTo(String.class)
                      .list()));
      assertEquals(before, database.harvestOrder());
      boolean tagTableLeft =
          jdbi.withHandle(
              h ->
                  h.createQuery("select to_regclass('service_request_area') is not null")
                      .mapTo(boolean.class)
                      .one());
      assertFalse(tagTableLeft);
    }
  }
}
