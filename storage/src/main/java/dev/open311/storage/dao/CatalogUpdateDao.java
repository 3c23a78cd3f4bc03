package dev.open311.storage.dao;

import dev.open311.storage.row.AttributeValueRow;
import dev.open311.storage.row.JurisdictionRow;
import dev.open311.storage.row.ServiceAttributeRow;
import dev.open311.storage.row.ServiceGroupRow;
import dev.open311.storage.row.ServiceRow;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Writes the catalog; callers run these in one transaction. Upserts leave a row (and its {@code
 * updated_at}, which feeds the discovery changeset) alone when nothing in it changed, so loading
 * the same catalog twice changes nothing.
 */
public interface CatalogUpdateDao {

  /**
   * Updates the jurisdiction when it changed and inserts it when it is new, in one statement that
   * only tries the insert for a new one: an {@code insert ... on conflict do update} draws its
   * number from the identity sequence (V13) on every load, and the numbers are smallints.
   */
  @SqlUpdate(
      """
      with changed as (
        update jurisdiction
           set name = :name, time_zone = :timeZone, contact = :contact,
               key_service = :keyService, updated_at = :updatedAt
         where jurisdiction_id = :jurisdictionId
           and (name, time_zone, contact, key_service)
               is distinct from
               (cast(:name as text), cast(:timeZone as text), cast(:contact as text),
                cast(:keyService as text))
        returning 1)
      insert into jurisdiction (jurisdiction_id, name, time_zone, contact, key_service, updated_at)
      select :jurisdictionId, :name, :timeZone, :contact, :keyService, :updatedAt
       where not exists (select 1 from jurisdiction where jurisdiction_id = :jurisdictionId)
      on conflict (jurisdiction_id) do nothing
      """)
  void upsertJurisdiction(@BindMethods JurisdictionRow jurisdiction);

  @SqlBatch(
      """
      insert into service_group (jurisdiction_id, name, description)
      values (:jurisdictionId, :name, :description)
      on conflict (jurisdiction_id, name) do update set description = excluded.description
      """)
  void upsertGroups(@BindMethods List<ServiceGroupRow> groups);

  /** Groups a service names without the catalog declaring them: created, never overwritten. */
  @SqlBatch(
      """
      insert into service_group (jurisdiction_id, name, description)
      values (:jurisdictionId, :name, :description)
      on conflict (jurisdiction_id, name) do nothing
      """)
  void addMissingGroups(@BindMethods List<ServiceGroupRow> groups);

  /** The service's key when it was inserted or changed; empty when it was already so. */
  @SqlQuery(
      """
      insert into service (jurisdiction_id, service_code, service_name, description, type,
                           keywords, group_id, agency_responsible, service_notice,
                           expected_days, updated_at)
      values (:jurisdictionId, :serviceCode, :serviceName, :description, :type, :keywords,
              (select id from service_group
                where jurisdiction_id = :jurisdictionId and name = :groupName),
              :agencyResponsible, :serviceNotice, :expectedDays, :updatedAt)
      on conflict (jurisdiction_id, service_code) do update
         set service_name = excluded.service_name, description = excluded.description,
             type = excluded.type, keywords = excluded.keywords, group_id = excluded.group_id,
             agency_responsible = excluded.agency_responsible,
             service_notice = excluded.service_notice, expected_days = excluded.expected_days,
             updated_at = excluded.updated_at
       where (service.service_name, service.description, service.type, service.keywords,
              service.group_id, service.agency_responsible, service.service_notice,
              service.expected_days)
             is distinct from
             (excluded.service_name, excluded.description, excluded.type, excluded.keywords,
              excluded.group_id, excluded.agency_responsible, excluded.service_notice,
              excluded.expected_days)
      returning id
      """)
  Optional<Long> upsertService(@BindMethods ServiceRow service);

  @SqlQuery(
      """
      select id from service where jurisdiction_id = :jurisdictionId and service_code = :serviceCode
      """)
  long serviceId(String jurisdictionId, String serviceCode);

  /** Marks a service changed when only its definition did. */
  @SqlUpdate("update service set updated_at = :updatedAt where id = :serviceId")
  void touchService(long serviceId, OffsetDateTime updatedAt);

  /** Deletes a service's attributes, and with them their values (on delete cascade). */
  @SqlUpdate("delete from service_attribute where service_id = :serviceId")
  void deleteAttributes(long serviceId);

  @SqlQuery(
      """
      insert into service_attribute (service_id, code, variable, datatype, required,
                                     datatype_description, display_order, description)
      values (:serviceId, :code, :variable, :datatype, :required, :datatypeDescription,
              :displayOrder, :description)
      returning id
      """)
  long insertAttribute(@BindMethods ServiceAttributeRow attribute);

  @SqlBatch(
      """
      insert into attribute_value (attribute_id, key, name, position)
      values (:attributeId, :key, :name, :position)
      """)
  void insertValues(@BindMethods List<AttributeValueRow> values);
}
