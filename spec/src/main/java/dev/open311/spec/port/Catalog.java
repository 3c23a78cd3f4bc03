package dev.open311.spec.port;

import dev.open311.spec.catalog.CatalogDocument;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.model.Service;
import dev.open311.spec.model.ServiceDefinition;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The jurisdictions served and their services with definitions. */
public interface Catalog {

  List<Jurisdiction> jurisdictions();

  /** Services of a jurisdiction, ordered by group then name. */
  List<Service> services(String jurisdictionId);

  Optional<Service> service(String jurisdictionId, String serviceCode);

  Optional<ServiceDefinition> definition(String jurisdictionId, String serviceCode);

  /** When the catalog last changed; null when it is empty. */
  OffsetDateTime changedAt();

  /** True when no jurisdiction has been loaded yet. */
  boolean isEmpty();

  /**
   * Upserts every jurisdiction, group and service of the document in one transaction and
   * replaces the whole attribute list of every service it names. Jurisdictions, groups and
   * services absent from the document are left as they are; unchanged rows are not rewritten,
   * so {@link #changedAt} moves only when something changed.
   *
   * @return the number of services in the document
   */
  int load(CatalogDocument document);

  /** The whole catalog in the form {@link #load} accepts. */
  CatalogDocument export();
}
