package dev.open311.storage.cache;

import static dev.open311.storage.cache.Eventually.assertEventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.catalog.CatalogDocument;
import dev.open311.spec.catalog.CatalogJurisdiction;
import dev.open311.spec.catalog.CatalogService;
import dev.open311.spec.model.AttributeValue;
import dev.open311.spec.model.Datatype;
import dev.open311.spec.model.Service;
import dev.open311.spec.model.ServiceAttribute;
import dev.open311.spec.model.ServiceDefinition;
import dev.open311.spec.model.ServiceType;
import dev.open311.spec.port.Catalog;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import dev.open311.storage.TestDatabases;
import dev.open311.storage.dao.CatalogVersionDao;
import dev.open311.storage.repository.PostgresCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog cache against a real PostgreSQL. Two caches on one database stand for two
 * processes: the server and the {@code catalog load} command. The test clock stands still, so a
 * change is only seen when the version fingerprint notices it, not because a timestamp moved.
 */
@ExtendWith(SharedStorage.class)
class CachingCatalogIT {

  private static final String CITY = "city.example.org";
  private static final Duration SHORT = Duration.ofMillis(100);
  private static final Duration NEVER = Duration.ofDays(1);

  private final Storage storage;
  private final Jdbi jdbi;
  private final TestClock clock;

  CachingCatalogIT(Storage storage, TestClock clock) {
    this.storage = storage;
    this.jdbi = TestDatabases.jdbi(storage);
    this.clock = clock;
  }

  @Test
  void theStorageCatalogShowsItsOwnLoadAtOnce() {
    Catalog catalog = storage.catalog();
    catalog.load(city(pothole("Pothole")));
    assertEquals(List.of("PHF"), codes(catalog));

    catalog.load(city(pothole("Pothole"), rats(List.of("ALLEY", "YARD"))));

    assertEquals(List.of("PHF", "SGA"), codes(catalog));
    assertEquals(List.of("ALLEY", "YARD"), valueKeys(catalog.definition(CITY, "SGA")));
  }

  @Test
  void aLoadByAnotherProcessStaysUnseenUntilTheIntervalEnds() {
    CachingCatalog server = caching(NEVER);
    CachingCatalog cli = caching(NEVER);
    cli.load(city(pothole("Pothole")));
    assertEquals("Pothole", name(server, "PHF"));

    cli.load(city(pothole("Pothole in Street")));

    assertEquals("Pothole", name(server, "PHF"), "read from memory, not from the database");
    assertEquals("Pothole in Street", name(cli, "PHF"));
  }

  @Test
  void aLoadByAnotherProcessIsSeenWithinTheInterval() {
    CachingCatalog server = caching(SHORT);
    CachingCatalog cli = caching(SHORT);
    cli.load(city(pothole("Pothole")));
    assertEquals("Pothole", name(server, "PHF"));

    cli.load(city(pothole("Pothole in Street"), rats(List.of("ALLEY"))));

    assertEventually(
        "the renamed service", () -> name(server, "PHF").equals("Pothole in Street"));
    assertEquals(List.of("PHF", "SGA"), codes(server));
  }

  @Test
  void aDefinitionChangedElsewhereIsReadAgain() {
    CachingCatalog server = caching(SHORT);
    CachingCatalog cli = caching(SHORT);
    cli.load(city(rats(List.of("ALLEY"))));
    assertEquals(List.of("ALLEY"), valueKeys(server.definition(CITY, "SGA")));

    cli.load(city(rats(List.of("ALLEY", "GARAGE"))));

    assertEventually(
        "the new list value",
        () -> valueKeys(server.definition(CITY, "SGA")).equals(List.of("ALLEY", "GARAGE")));
  }

  @Test
  void anUnknownCodeIsNotRememberedAsMissing() {
    CachingCatalog server = caching(SHORT);
    CachingCatalog cli = caching(SHORT);
    cli.load(city(pothole("Pothole")));
    assertTrue(server.definition(CITY, "SGA").isEmpty());
    assertTrue(server.service(CITY, "SGA").isEmpty());

    cli.load(city(pothole("Pothole"), rats(List.of("ALLEY"))));

    assertEventually("the new service", () -> server.definition(CITY, "SGA").isPresent());
    assertEquals(List.of("ALLEY"), valueKeys(server.definition(CITY, "SGA")));
  }

  @Test
  void rowsRemovedBehindItsBackAreNoticed() {
    CachingCatalog server = caching(SHORT);
    server.load(city(pothole("Pothole")));
    assertEquals(1, server.jurisdictions().size());

    jdbi.useHandle(h -> h.execute("truncate jurisdiction cascade"));

    assertEventually("an empty catalog", () -> server.jurisdictions().isEmpty());
    assertTrue(server.services(CITY).isEmpty());
  }

  private CachingCatalog caching(Duration interval) {
    return new CachingCatalog(
        new PostgresCatalog(jdbi, clock),
        () -> jdbi.withExtension(CatalogVersionDao.class, CatalogVersionDao::version),
        interval);
  }

  private static List<String> codes(Catalog catalog) {
    return catalog.services(CITY).stream().map(Service::serviceCode).toList();
  }

  private static String name(Catalog catalog, String code) {
    return catalog.service(CITY, code).orElseThrow().serviceName();
  }

  private static List<String> valueKeys(Optional<ServiceDefinition> definition) {
    return definition.orElseThrow().attributes().get(0).values().stream()
        .map(AttributeValue::key)
        .toList();
  }

  private static CatalogDocument city(CatalogService... services) {
    return new CatalogDocument(
        List.of(
            new CatalogJurisdiction(
                CITY, "City", "America/Chicago", null, null, List.of(), List.of(services))));
  }

  private static CatalogService pothole(String name) {
    return new CatalogService(
        "PHF", name, null, ServiceType.REALTIME, null, null, null, null, null, List.of());
  }

  private static CatalogService rats(List<String> places) {
    ServiceAttribute where =
        new ServiceAttribute(
            true,
            "WHERERAT",
            Datatype.SINGLEVALUELIST,
            true,
            null,
            1,
            "Where?",
            places.stream().map(key -> new AttributeValue(key, key)).toList());
    return new CatalogService(
        "SGA", "Rats", null, ServiceType.REALTIME, null, null, null, null, null, List.of(where));
  }
}
