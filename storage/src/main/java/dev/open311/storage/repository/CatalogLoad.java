package dev.open311.storage.repository;

import dev.open311.spec.catalog.CatalogDocument;
import dev.open311.spec.catalog.CatalogFiles.InvalidCatalogException;
import dev.open311.spec.catalog.CatalogGroup;
import dev.open311.spec.catalog.CatalogJurisdiction;
import dev.open311.spec.catalog.CatalogService;
import dev.open311.spec.model.ServiceAttribute;
import dev.open311.spec.model.ServiceDefinition;
import dev.open311.storage.dao.CatalogDao;
import dev.open311.storage.dao.CatalogUpdateDao;
import dev.open311.storage.mapping.CatalogMapping;
import dev.open311.storage.row.ServiceGroupRow;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One {@code catalog load}: upserts the document's jurisdictions, groups and services in one
 * transaction and replaces the definition of every service it names. What it does not name is left
 * alone. Rows that would not change are not written, so {@code changedAt} moves only when the
 * catalog really changed.
 */
final class CatalogLoad {

  private final CatalogDocument document;
  private final OffsetDateTime now;

  CatalogLoad(CatalogDocument document, OffsetDateTime now) {
    this.document = document;
    this.now = now;
  }

  /** Returns the number of services in the document, all of them now as it says. */
  int run(Jdbi jdbi) {
    List<String> problems = document.problems();
    if (!problems.isEmpty()) {
      throw new InvalidCatalogException(problems);
    }
    return jdbi.inTransaction(
        handle -> {
          int services = 0;
          for (CatalogJurisdiction jurisdiction : document.jurisdictions()) {
            services += load(handle, jurisdiction);
          }
          return services;
        });
  }

  private int load(Handle handle, CatalogJurisdiction jurisdiction) {
    CatalogUpdateDao update = handle.attach(CatalogUpdateDao.class);
    CatalogDao read = handle.attach(CatalogDao.class);
    String id = jurisdiction.jurisdictionId();
    update.upsertJurisdiction(CatalogMapping.row(jurisdiction, now));
    update.upsertGroups(
        jurisdiction.groups().stream()
            .map(g -> new ServiceGroupRow(id, g.name(), g.description()))
            .toList());
    update.addMissingGroups(undeclaredGroups(jurisdiction));
    Map<Long, List<ServiceAttribute>> stored =
        CatalogMapping.attributesByService(
            read.attributesOfJurisdiction(id), read.valuesOfJurisdiction(id));
    for (CatalogService service : jurisdiction.services()) {
      long serviceId =
          update
              .upsertService(CatalogMapping.row(id, service, now))
              .orElseGet(() -> update.serviceId(id, service.serviceCode()));
      // The document lists attributes in any order; the database returns display order.
      List<ServiceAttribute> wanted =
          new ServiceDefinition(service.serviceCode(), service.attributes()).attributes();
      if (!wanted.equals(stored.getOrDefault(serviceId, List.of()))) {
        replaceAttributes(update, serviceId, wanted);
      }
    }
    return jurisdiction.services().size();
  }

  private void replaceAttributes(
      CatalogUpdateDao update, long serviceId, List<ServiceAttribute> attributes) {
    update.deleteAttributes(serviceId);
    for (ServiceAttribute attribute : attributes) {
      long attributeId = update.insertAttribute(CatalogMapping.row(serviceId, attribute));
      update.insertValues(CatalogMapping.valueRows(attributeId, attribute));
    }
    update.touchService(serviceId, now);
  }

  /** Groups services name that the jurisdiction's group list does not declare. */
  private static List<ServiceGroupRow> undeclaredGroups(CatalogJurisdiction jurisdiction) {
    Set<String> declared =
        jurisdiction.groups().stream().map(CatalogGroup::name).collect(Collectors.toSet());
    return jurisdiction.services().stream()
        .map(CatalogService::group)
        .filter(Objects::nonNull)
        .filter(name -> !declared.contains(name))
        .distinct()
        .map(name -> new ServiceGroupRow(jurisdiction.jurisdictionId(), name, null))
        .toList();
  }
}
