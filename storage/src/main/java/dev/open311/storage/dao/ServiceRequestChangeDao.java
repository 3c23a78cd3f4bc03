package dev.open311.storage.dao;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** An operator's change to a filed request; the public note goes through ServiceRequestDao. */
@RegisterConstructorMapper(ServiceRequestChangeDao.KeyAndStatus.class)
public interface ServiceRequestChangeDao {

  /** The request's key and status, locked until the transaction ends. */
  @SqlQuery(
      """
      select id, status
        from service_request
       where jurisdiction_id = :jurisdictionId and service_request_id = :serviceRequestId
         for update
      """)
  Optional<KeyAndStatus> lock(String jurisdictionId, String serviceRequestId);

  /** A new status: its note, its time, and the closing time (cleared on reopening). */
  @SqlUpdate(
      """
      update service_request
         set status = :status, status_notes = :statusNotes, updated_at = :now,
             closed_at = case when :status = 'closed' then :now end
       where id = :id
      """)
  void changeStatus(long id, String status, String statusNotes, OffsetDateTime now);

  /** A comment changes the public history, so the request counts as updated. */
  @SqlUpdate("update service_request set updated_at = :now where id = :id")
  void touch(long id, OffsetDateTime now);

  /** A locked request's key and current status. */
  record KeyAndStatus(long id, String status) {}
}
