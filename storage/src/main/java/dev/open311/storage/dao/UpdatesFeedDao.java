package dev.open311.storage.dao;

import dev.open311.spec.model.ServiceRequestUpdate;
import dev.open311.spec.model.Status;
import dev.open311.spec.query.UpdatesQuery;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * FixMyStreet's updates feed as one statement over {@code service_request_note}: every note is
 * public history (personal data lives in {@code service_request_contact}, never joined here).
 * A note that set no status reports the status the request had then: that of the latest earlier
 * note that set one, else the request's own.
 */
public final class UpdatesFeedDao {

  private static final String SELECT =
      """
      select n.id, r.service_request_id,
             coalesce(n.status,
                      (select p.status from service_request_note p
                        where p.request_id = n.request_id and p.status is not null
                          and (p.datetime, p.id) < (n.datetime, n.id)
                        order by p.datetime desc, p.id desc
                        limit 1),
                      r.status) as status,
             n.datetime, coalesce(n.description, n.summary) as description, n.media_url,
             j.time_zone
        from service_request_note n
        join service_request r on r.id = n.request_id
        join jurisdiction j on j.jurisdiction_id = r.jurisdiction_id
       where r.jurisdiction_id = :jurisdictionId
      """;

  private UpdatesFeedDao() {}

  /** The updates the query selects, oldest first, in the jurisdiction's time zone. */
  public static List<ServiceRequestUpdate> find(Handle handle, UpdatesQuery query) {
    StringBuilder sql = new StringBuilder(SELECT);
    if (!query.serviceRequestIds().isEmpty()) {
      sql.append("   and r.service_request_id = any(:ids)\n");
    }
    if (query.from() != null) {
      sql.append("   and n.datetime >= :from\n");
    }
    if (query.to() != null) {
      sql.append("   and n.datetime < :to\n");
    }
    // written in, not bound: a bound limit is planned as a tenth of the table (DataSources)
    sql.append(" order by n.datetime, n.id limit ").append(query.limit());
    Query statement =
        handle
            .createQuery(sql.toString())
            .bind("jurisdictionId", query.jurisdictionId());
    if (!query.serviceRequestIds().isEmpty()) {
      statement.bindArray("ids", String.class, query.serviceRequestIds());
    }
    if (query.from() != null) {
      statement.bind("from", query.from());
    }
    if (query.to() != null) {
      statement.bind("to", query.to());
    }
    return statement
        .map(
            (rs, ctx) ->
                new ServiceRequestUpdate(
                    Long.toString(rs.getLong("id")),
                    rs.getString("service_request_id"),
                    Status.fromWire(rs.getString("status")),
                    rs.getObject("datetime", OffsetDateTime.class)
                        .atZoneSameInstant(ZoneId.of(rs.getString("time_zone")))
                        .toOffsetDateTime(),
                    rs.getString("description"),
                    rs.getString("media_url")))
        .list();
  }
}
