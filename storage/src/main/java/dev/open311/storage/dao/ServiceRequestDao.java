package dev.open311.storage.dao;

import dev.open311.storage.row.AnswerRow;
import dev.open311.storage.row.ContactRow;
import dev.open311.storage.row.RequestKeyRow;
import dev.open311.storage.row.ServiceRequestRow;
import dev.open311.storage.row.TokenRow;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Writes filed service requests and resolves tokens; searches are {@link ServiceRequestSearch}. */
@RegisterConstructorMapper(RequestKeyRow.class)
@RegisterConstructorMapper(TokenRow.class)
public interface ServiceRequestDao {

  /**
   * Inserts a request. The key is drawn first so the public id can default to its decimal text in
   * the same statement; {@code point(long, lat)} is null when the coordinates are.
   */
  @SqlQuery(
      """
      with next as (select nextval(pg_get_serial_sequence('service_request', 'id')) as id)
      insert into service_request (id, service_request_id, jurisdiction_id, service_id,
                                   service_code, status, description, agency_responsible,
                                   service_notice, requested_at, updated_at, expected_at,
                                   address, address_id, lat, long, location, media_url, token,
                                   channel)
      select next.id, coalesce(:serviceRequestId, next.id::text), :jurisdictionId, :serviceId,
             :serviceCode, :status, :description, :agencyResponsible,
             :serviceNotice, :requestedAt, :updatedAt, :expectedAt,
             :address, :addressId, :latitude, :longitude, point(:longitude, :latitude),
             :mediaUrl, :token, :channel
        from next
      returning id, service_request_id
      """)
  RequestKeyRow insert(@BindMethods ServiceRequestRow request);

  @SqlUpdate(
      """
      insert into service_request_contact (request_id, email, phone, first_name, last_name,
                                           device_id, account_id)
      values (:requestId, :email, :phone, :firstName, :lastName, :deviceId, :accountId)
      """)
  void insertContact(@BindMethods ContactRow contact);

  @SqlBatch(
      """
      insert into service_request_answer (request_id, code, datatype, value, position)
      values (:requestId, :code, :datatype, :value, :position)
      """)
  void insertAnswers(@BindMethods List<AnswerRow> answers);

  /** A public history entry; filing writes the first one, type {@code opened}. */
  @SqlUpdate(
      """
      insert into service_request_note (request_id, type, status, datetime, summary, description)
      values (:requestId, :type, :status, :datetime, :summary, :description)
      """)
  void insertNote(
      long requestId,
      String type,
      String status,
      java.time.OffsetDateTime datetime,
      String summary,
      String description);

  /** Tags a request with the areas that contain it. */
  @SqlBatch(
      """
      insert into service_request_area (request_id, area_type, area_key)
      values (:requestId, :areaType, :areaKey)
      on conflict do nothing
      """)
  void insertAreas(long requestId, @BindMethods List<dev.open311.storage.geo.AreaLocator.AreaRef> areas);

  @SqlQuery(
      """
      select service_request_id, token
        from service_request
       where jurisdiction_id = :jurisdictionId and token = :token
      """)
  Optional<TokenRow> token(String jurisdictionId, String token);
}
