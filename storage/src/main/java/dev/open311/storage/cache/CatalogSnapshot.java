package dev.open311.storage.cache;

import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.model.Service;
import dev.open311.spec.model.ServiceDefinition;
import dev.open311.spec.port.Catalog;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The catalog as read at one version: jurisdictions, their service lists and change time read at
 * once; definitions filled in as they are asked for. Only codes the service list knows are looked
 * up, so the definition map is bounded by the catalog and an unknown code costs no query.
 */
final class CatalogSnapshot {

  private final String version;
  private final List<Jurisdiction> jurisdictions;
  private final Map<String, List<Service>> services;
  private final Map<String, Map<String, Service>> servicesByCode;
  private final OffsetDateTime changedAt;
  private final ConcurrentMap<String, ServiceDefinition> definitions = new ConcurrentHashMap<>();

  private CatalogSnapshot(
      String version,
      List<Jurisdiction> jurisdictions,
      Map<String, List<Service>> services,
      OffsetDateTime changedAt) {
    this.version = version;
    this.jurisdictions = jurisdictions;
    this.services = services;
    this.changedAt = changedAt;
    Map<String, Map<String, Service>> byCode = new LinkedHashMap<>();
    services.forEach(
        (jurisdictionId, list) -> {
          Map<String, Service> codes = new LinkedHashMap<>();
          list.forEach(service -> codes.put(service.serviceCode(), service));
          byCode.put(jurisdictionId, Map.copyOf(codes));
        });
    this.servicesByCode = Map.copyOf(byCode);
  }

  /**
   * Reads the version first, then the data: a change that commits in between is then newer than
   * the version kept, so the next version check sees it and reads again.
   */
  static CatalogSnapshot read(Catalog source, String version) {
    List<Jurisdiction> jurisdictions = List.copyOf(source.jurisdictions());
    Map<String, List<Service>> services = new LinkedHashMap<>();
    for (Jurisdiction jurisdiction : jurisdictions) {
      String id = jurisdiction.jurisdictionId();
      services.put(id, List.copyOf(source.services(id)));
    }
    return new CatalogSnapshot(version, jurisdictions, Map.copyOf(services), source.changedAt());
  }

  String version() {
    return version;
  }

  List<Jurisdiction> jurisdictions() {
    return jurisdictions;
  }

  List<Service> services(String jurisdictionId) {
    return services.getOrDefault(jurisdictionId, List.of());
  }

  Optional<Service> service(String jurisdictionId, String serviceCode) {
    Map<String, Service> codes = servicesByCode.get(jurisdictionId);
    return Optional.ofNullable(codes == null ? null : codes.get(serviceCode));
  }

  /** The definition, read through {@code source} the first time a known code is asked for. */
  Optional<ServiceDefinition> definition(
      String jurisdictionId, String serviceCode, Catalog source) {
    if (service(jurisdictionId, serviceCode).isEmpty()) {
      return Optional.empty();
    }
    // A NUL cannot occur in a PostgreSQL text value, so the key is unambiguous.
    String key = jurisdictionId + '\u0000' + serviceCode;
    ServiceDefinition known = definitions.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<ServiceDefinition> read = source.definition(jurisdictionId, serviceCode);
    read.ifPresent(definition -> definitions.putIfAbsent(key, definition));
    return read;
  }

  OffsetDateTime changedAt() {
    return changedAt;
  }
}
