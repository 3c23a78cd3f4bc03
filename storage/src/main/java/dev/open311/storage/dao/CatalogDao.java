package dev.open311.storage.dao;

import dev.open311.storage.row.AttributeValueRow;
import dev.open311.storage.row.JurisdictionRow;
import dev.open311.storage.row.ServiceAttributeRow;
import dev.open311.storage.row.ServiceGroupRow;
import dev.open311.storage.row.ServiceRow;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads the catalog. Names are ordered in the "C" collation so that every PostgreSQL, whatever
 * locale its cluster was created with, lists services in the same order.
 */
@RegisterConstructorMapper(JurisdictionRow.class)
@RegisterConstructorMapper(ServiceGroupRow.class)
@RegisterConstructorMapper(ServiceRow.class)
@RegisterConstructorMapper(ServiceAttributeRow.class)
@RegisterConstructorMapper(AttributeValueRow.class)
public interface CatalogDao {

  String SELECT_SERVICE =
      """
      select s.id, s.jurisdiction_id, s.service_code, s.service_name, s.description, s.type,
             s.keywords, g.name as group_name, s.agency_responsible, s.service_notice,
             s.expected_days, s.updated_at,
             exists (select 1 from service_attribute a where a.service_id = s.id) as metadata
        from service s
        left join service_group g on g.id = s.group_id
      """;

  String SELECT_ATTRIBUTE =
      """
      select a.id, a.service_id, a.code, a.variable, a.datatype, a.required,
             a.datatype_description, a.display_order, a.description
        from service_attribute a
        join service s on s.id = a.service_id
      """;

  String SELECT_VALUE =
      """
      select v.attribute_id, v.key, v.name, v.position
        from attribute_value v
        join service_attribute a on a.id = v.attribute_id
        join service s on s.id = a.service_id
      """;

  @SqlQuery(
      """
      select jurisdiction_id, name, time_zone, contact, key_service, updated_at
        from jurisdiction
       order by jurisdiction_id collate "C"
      """)
  List<JurisdictionRow> jurisdictions();

  @SqlQuery(
      """
      select jurisdiction_id, name, description
        from service_group
       where jurisdiction_id = :jurisdictionId
       order by name collate "C"
      """)
  List<ServiceGroupRow> groups(String jurisdictionId);

  @SqlQuery(
      SELECT_SERVICE
          + """
           where s.jurisdiction_id = :jurisdictionId
           order by g.name collate "C" nulls last, s.service_name collate "C",
                    s.service_code collate "C"
          """)
  List<ServiceRow> services(String jurisdictionId);

  @SqlQuery(
      SELECT_SERVICE
          + """
           where s.jurisdiction_id = :jurisdictionId and s.service_code = :serviceCode
          """)
  Optional<ServiceRow> service(String jurisdictionId, String serviceCode);

  @SqlQuery(SELECT_ATTRIBUTE + " where s.id = :serviceId order by a.display_order, a.code")
  List<ServiceAttributeRow> attributes(long serviceId);

  @SqlQuery(SELECT_VALUE + " where s.id = :serviceId order by v.attribute_id, v.position")
  List<AttributeValueRow> values(long serviceId);

  @SqlQuery(
      SELECT_ATTRIBUTE
          + " where s.jurisdiction_id = :jurisdictionId order by a.service_id, a.display_order")
  List<ServiceAttributeRow> attributesOfJurisdiction(String jurisdictionId);

  @SqlQuery(
      SELECT_VALUE
          + " where s.jurisdiction_id = :jurisdictionId order by v.attribute_id, v.position")
  List<AttributeValueRow> valuesOfJurisdiction(String jurisdictionId);

  /** The latest change of a jurisdiction or service; null for an empty catalog. */
  @SqlQuery(
      """
      select greatest((select max(updated_at) from jurisdiction),
                      (select max(updated_at) from service))
      """)
  OffsetDateTime changedAt();

  @SqlQuery("select exists (select 1 from jurisdiction)")
  boolean hasJurisdictions();
}
