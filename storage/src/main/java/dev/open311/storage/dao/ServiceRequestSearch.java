package dev.open311.storage.dao;

import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.Status;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.storage.mapping.ServiceRequestMapper;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * GET requests as one statement. It is the one query whose WHERE clause depends on the call, so it
 * is assembled here from fixed fragments (values are always bound, never spliced) instead of living
 * in a SqlObject. It never touches {@code service_request_contact}.
 */
public final class ServiceRequestSearch {

  private static final String SELECT =
      """
      select r.service_request_id, r.status, r.status_notes, s.service_name, r.service_code,
             r.description, r.agency_responsible, r.service_notice, r.requested_at,
             r.updated_at, r.expected_at, r.address, r.address_id, r.zipcode, r.lat, r.long,
             r.media_url, j.time_zone
        from service_request r
        join service s on s.id = r.service_id
        join jurisdiction j on j.jurisdiction_id = r.jurisdiction_id
       where r.jurisdiction_id = :jurisdictionId
      """;

  // Served by the (jurisdiction_id, requested_at desc, id desc) index without a sort.
  private static final String ORDER = " order by r.requested_at desc, r.id desc limit :limit";

  private ServiceRequestSearch() {}

  /** The requests the query selects, newest first, in its jurisdiction's time zone. */
  public static List<ServiceRequest> find(Handle handle, ServiceRequestQuery query) {
    boolean byIds = !query.serviceRequestIds().isEmpty();
    boolean byCodes = !byIds && !query.serviceCodes().isEmpty();
    boolean byStatuses = !byIds && !query.statuses().isEmpty();
    boolean byFrom = !byIds && query.from() != null;
    boolean byTo = !byIds && query.to() != null;

    StringBuilder sql = new StringBuilder(SELECT);
    // The standard: ids given, every other filter is ignored.
    append(sql, byIds, "   and r.service_request_id = any(:ids)\n");
    append(sql, byCodes, "   and r.service_code = any(:codes)\n");
    append(sql, byStatuses, "   and r.status = any(:statuses)\n");
    append(sql, byFrom, "   and r.requested_at >= :from\n");
    append(sql, byTo, "   and r.requested_at < :to\n");
    sql.append(ORDER);

    Query statement =
        handle
            .createQuery(sql.toString())
            .bind("jurisdictionId", query.jurisdictionId())
            .bind("limit", query.limit());
    if (byIds) {
      statement.bindArray("ids", String.class, query.serviceRequestIds());
    }
    if (byCodes) {
      statement.bindArray("codes", String.class, query.serviceCodes());
    }
    if (byStatuses) {
      statement.bindArray(
          "statuses", String.class, query.statuses().stream().map(Status::wireName).toList());
    }
    if (byFrom) {
      statement.bind("from", query.from());
    }
    if (byTo) {
      statement.bind("to", query.to());
    }
    return statement.map(ServiceRequestMapper.INSTANCE).list();
  }

  private static void append(StringBuilder sql, boolean condition, String fragment) {
    if (condition) {
      sql.append(fragment);
    }
  }
}
