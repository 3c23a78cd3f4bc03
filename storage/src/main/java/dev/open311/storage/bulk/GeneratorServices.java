package dev.open311.storage.bulk;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** The services requests are generated for, with their weight in the mix. */
final class GeneratorServices {

  /** A service of the catalog: key, code, agency, expected days and its share of requests. */
  record Entry(long id, String code, String agency, int expectedDays, double weight) {}

  private GeneratorServices() {}

  /** The jurisdiction's services, weighted like Chicago's volumes. */
  static List<Entry> load(Handle handle, String jurisdictionId) {
    List<Entry> services =
        handle
            .createQuery(
                """
                select id, service_code, agency_responsible, expected_days
                  from service where jurisdiction_id = :j order by service_code
                """)
            .bind("j", jurisdictionId)
            .map(
                (rs, ctx) -> {
                  String code = rs.getString(2);
                  int days = rs.getObject(4) == null ? 14 : Math.max(1, rs.getInt(4));
                  return new Entry(
                      rs.getLong(1),
                      code,
                      rs.getString(3),
                      days,
                      GeneratorTables.SERVICE_WEIGHTS.getOrDefault(code, 0.5));
                })
            .list();
    if (services.isEmpty()) {
      throw new IllegalArgumentException(
          "jurisdiction " + jurisdictionId + " has no services: load a catalog first");
    }
    return services;
  }
}
