package dev.open311.storage.bulk;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The service keys of one jurisdiction by code, for the importing thread only, creating a service
 * the first time an import meets a code the catalog lacks: realtime, no attributes, named after
 * SR_TYPE, with OWNER_DEPARTMENT as its agency. A catalog service keeps its own name and agency.
 */
final class ServiceIds {

  private final Handle handle;
  private final String jurisdictionId;
  private final Map<String, Long> ids = new HashMap<>();
  private int created;

  ServiceIds(Handle handle, String jurisdictionId) {
    this.handle = handle;
    this.jurisdictionId = jurisdictionId;
    handle
        .createQuery("select service_code, id from service where jurisdiction_id = :j")
        .bind("j", jurisdictionId)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> ids.put(e.getKey(), e.getValue()));
  }

  /**
   * The row's service key; creates the service when missing, committed at once (a service left
   * behind by an interrupted import is harmless: the next run uses it).
   */
  long id(ImportRow row) {
    Long id = ids.get(row.serviceCode());
    if (id == null) {
      id = create(row);
      ids.put(row.serviceCode(), id);
    }
    return id;
  }

  private long create(ImportRow row) {
    int inserted =
        handle
            .createUpdate(
                """
                insert into service (jurisdiction_id, service_code, service_name, type,
                                     agency_responsible, updated_at)
                values (:j, :code, :name, 'realtime', :agency, now())
                on conflict (jurisdiction_id, service_code) do nothing
                """)
            .bind("j", jurisdictionId)
            .bind("code", row.serviceCode())
            .bind("name", row.serviceName())
            .bind("agency", row.agency())
            .execute();
    created += inserted;
    return handle
        .createQuery("select id from service where jurisdiction_id = :j and service_code = :code")
        .bind("j", jurisdictionId)
        .bind("code", row.serviceCode())
        .mapTo(long.class)
        .one();
  }

  /** How many services this import created. */
  int created() {
    return created;
  }
}
