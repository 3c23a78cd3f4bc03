package dev.open311.storage.mapping;

import dev.open311.spec.catalog.CatalogGroup;
import dev.open311.spec.catalog.CatalogJurisdiction;
import dev.open311.spec.catalog.CatalogService;
import dev.open311.spec.model.AttributeValue;
import dev.open311.spec.model.Datatype;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.model.Service;
import dev.open311.spec.model.ServiceAttribute;
import dev.open311.spec.model.ServiceType;
import dev.open311.storage.row.AttributeValueRow;
import dev.open311.storage.row.JurisdictionRow;
import dev.open311.storage.row.ServiceAttributeRow;
import dev.open311.storage.row.ServiceGroupRow;
import dev.open311.storage.row.ServiceRow;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Catalog rows to spec records and back. Enums are stored by their wire names. */
public final class CatalogMapping {

  private CatalogMapping() {}

  public static Jurisdiction jurisdiction(JurisdictionRow row) {
    return new Jurisdiction(
        row.jurisdictionId(),
        row.name(),
        ZoneId.of(row.timeZone()),
        row.contact(),
        row.keyService());
  }

  public static Service service(ServiceRow row) {
    return new Service(
        row.serviceCode(),
        row.serviceName(),
        row.description(),
        row.metadata(),
        ServiceType.fromWire(row.type()),
        row.keywords(),
        row.groupName());
  }

  /**
   * Attributes with their values, by service key, each list in the order the rows come in.
   *
   * @param attributes ordered by service, then display order
   * @param values ordered by attribute, then position
   */
  public static Map<Long, List<ServiceAttribute>> attributesByService(
      List<ServiceAttributeRow> attributes, List<AttributeValueRow> values) {
    Map<Long, List<AttributeValue>> valuesByAttribute = new HashMap<>();
    for (AttributeValueRow value : values) {
      valuesByAttribute
          .computeIfAbsent(value.attributeId(), id -> new ArrayList<>())
          .add(new AttributeValue(value.key(), value.name()));
    }
    Map<Long, List<ServiceAttribute>> byService = new HashMap<>();
    for (ServiceAttributeRow row : attributes) {
      byService
          .computeIfAbsent(row.serviceId(), id -> new ArrayList<>())
          .add(attribute(row, valuesByAttribute.getOrDefault(row.id(), List.of())));
    }
    return byService;
  }

  private static ServiceAttribute attribute(ServiceAttributeRow row, List<AttributeValue> values) {
    return new ServiceAttribute(
        row.variable(),
        row.code(),
        Datatype.fromWire(row.datatype()),
        row.required(),
        row.datatypeDescription(),
        row.displayOrder(),
        row.description(),
        values);
  }

  /** A jurisdiction as a catalog file holds it; {@code attributes} is keyed by service key. */
  public static CatalogJurisdiction document(
      JurisdictionRow jurisdiction,
      List<ServiceGroupRow> groups,
      List<ServiceRow> services,
      Map<Long, List<ServiceAttribute>> attributes) {
    return new CatalogJurisdiction(
        jurisdiction.jurisdictionId(),
        jurisdiction.name(),
        jurisdiction.timeZone(),
        jurisdiction.contact(),
        jurisdiction.keyService(),
        groups.stream().map(g -> new CatalogGroup(g.name(), g.description())).toList(),
        services.stream()
            .map(s -> document(s, attributes.getOrDefault(s.id(), List.of())))
            .toList());
  }

  private static CatalogService document(ServiceRow row, List<ServiceAttribute> attributes) {
    return new CatalogService(
        row.serviceCode(),
        row.serviceName(),
        row.description(),
        ServiceType.fromWire(row.type()),
        row.keywords(),
        row.groupName(),
        row.agencyResponsible(),
        row.serviceNotice(),
        row.expectedDays(),
        attributes);
  }

  public static JurisdictionRow row(CatalogJurisdiction jurisdiction, OffsetDateTime now) {
    return new JurisdictionRow(
        jurisdiction.jurisdictionId(),
        jurisdiction.name(),
        jurisdiction.timeZone(),
        jurisdiction.contact(),
        jurisdiction.keyService(),
        now);
  }

  /** The row to upsert; its key and {@code metadata} are not written, so they are left blank. */
  public static ServiceRow row(String jurisdictionId, CatalogService service, OffsetDateTime now) {
    return new ServiceRow(
        0,
        jurisdictionId,
        service.serviceCode(),
        service.serviceName(),
        service.description(),
        service.type().wireName(),
        service.keywords(),
        service.group(),
        service.agencyResponsible(),
        service.serviceNotice(),
        service.expectedDays(),
        false,
        now);
  }

  public static ServiceAttributeRow row(long serviceId, ServiceAttribute attribute) {
    return new ServiceAttributeRow(
        0,
        serviceId,
        attribute.code(),
        attribute.variable(),
        attribute.datatype().wireName(),
        attribute.required(),
        attribute.datatypeDescription(),
        attribute.order(),
        attribute.description());
  }

  /** The attribute's values, positions counted from 0 in the order given. */
  public static List<AttributeValueRow> valueRows(long attributeId, ServiceAttribute attribute) {
    List<AttributeValue> values = attribute.values();
    return IntStream.range(0, values.size())
        .mapToObj(
            i -> new AttributeValueRow(attributeId, values.get(i).key(), values.get(i).name(), i))
        .toList();
  }
}
