package dev.open311.storage.repository;

import dev.open311.spec.catalog.CatalogDocument;
import dev.open311.spec.catalog.CatalogJurisdiction;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.model.Service;
import dev.open311.spec.model.ServiceAttribute;
import dev.open311.spec.model.ServiceDefinition;
import dev.open311.spec.port.Catalog;
import dev.open311.storage.dao.CatalogDao;
import dev.open311.storage.mapping.CatalogMapping;
import dev.open311.storage.row.JurisdictionRow;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** The catalog in PostgreSQL. Reads of several statements see one snapshot. */
public final class PostgresCatalog implements Catalog {

  private final Jdbi jdbi;
  private final Clock clock;

  public PostgresCatalog(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public List<Jurisdiction> jurisdictions() {
    return jdbi.withExtension(
        CatalogDao.class,
        dao -> dao.jurisdictions().stream().map(CatalogMapping::jurisdiction).toList());
  }

  @Override
  public List<Service> services(String jurisdictionId) {
    return jdbi.withExtension(
        CatalogDao.class,
        dao -> dao.services(jurisdictionId).stream().map(CatalogMapping::service).toList());
  }

  @Override
  public Optional<Service> service(String jurisdictionId, String serviceCode) {
    return jdbi.withExtension(
        CatalogDao.class,
        dao -> dao.service(jurisdictionId, serviceCode).map(CatalogMapping::service));
  }

  @Override
  public Optional<ServiceDefinition> definition(String jurisdictionId, String serviceCode) {
    return jdbi.inTransaction(
        TransactionIsolationLevel.REPEATABLE_READ,
        handle -> {
          CatalogDao dao = handle.attach(CatalogDao.class);
          return dao.service(jurisdictionId, serviceCode)
              .map(
                  service -> {
                    Map<Long, List<ServiceAttribute>> attributes =
                        CatalogMapping.attributesByService(
                            dao.attributes(service.id()), dao.values(service.id()));
                    return new ServiceDefinition(
                        serviceCode, attributes.getOrDefault(service.id(), List.of()));
                  });
        });
  }

  @Override
  public OffsetDateTime changedAt() {
    OffsetDateTime changedAt = jdbi.withExtension(CatalogDao.class, CatalogDao::changedAt);
    return changedAt == null ? null : changedAt.withOffsetSameInstant(ZoneOffset.UTC);
  }

  @Override
  public boolean isEmpty() {
    return !jdbi.withExtension(CatalogDao.class, CatalogDao::hasJurisdictions);
  }

  @Override
  public int load(CatalogDocument document) {
    return new CatalogLoad(document, Timestamps.now(clock)).run(jdbi);
  }

  /** Jurisdictions by id, groups by name, services as {@link #services} orders them. */
  @Override
  public CatalogDocument export() {
    return jdbi.inTransaction(
        TransactionIsolationLevel.REPEATABLE_READ,
        handle -> {
          CatalogDao dao = handle.attach(CatalogDao.class);
          List<CatalogJurisdiction> jurisdictions = new ArrayList<>();
          for (JurisdictionRow jurisdiction : dao.jurisdictions()) {
            String id = jurisdiction.jurisdictionId();
            jurisdictions.add(
                CatalogMapping.document(
                    jurisdiction,
                    dao.groups(id),
                    dao.services(id),
                    CatalogMapping.attributesByService(
                        dao.attributesOfJurisdiction(id), dao.valuesOfJurisdiction(id))));
          }
          return new CatalogDocument(jurisdictions);
        });
  }
}
