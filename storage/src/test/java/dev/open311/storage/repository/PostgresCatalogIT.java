package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static dev.open311.storage.repository.TestCatalogs.document;
import static dev.open311.storage.repository.TestCatalogs.groups;
import static dev.open311.storage.repository.TestCatalogs.jurisdiction;
import static dev.open311.storage.repository.TestCatalogs.list;
import static dev.open311.storage.repository.TestCatalogs.service;
import static dev.open311.storage.repository.TestCatalogs.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.model.Service;
import dev.open311.spec.model.ServiceAttribute;
import dev.open311.spec.model.ServiceDefinition;
import dev.open311.spec.model.ServiceType;
import dev.open311.spec.port.Catalog;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedStorage.class)
class PostgresCatalogIT {

  private final Catalog catalog;

  PostgresCatalogIT(Storage storage) {
    this.catalog = storage.catalog();
  }

  @Test
  void anEmptyCatalogHasNothingAndNoChangeTime() {
    assertTrue(catalog.isEmpty());
    assertNull(catalog.changedAt());
    assertEquals(List.of(), catalog.jurisdictions());
    assertEquals(List.of(), catalog.export().jurisdictions());
  }

  @Test
  void jurisdictionsCarryTheirTimeZone() {
    catalog.load(TestCatalogs.springfield());

    Jurisdiction springfield = catalog.jurisdictions().get(0);

    assertEquals(SPRINGFIELD, springfield.jurisdictionId());
    assertEquals(ZoneId.of("America/Chicago"), springfield.timeZone());
    assertEquals("Ask the operator for a key", springfield.keyService());
  }

  @Test
  void servicesAreOrderedByGroupThenNameWithUngroupedLast() {
    catalog.load(
        document(
            jurisdiction(
                "j.example.org",
                groups("Water", "Animals"),
                service("W2", "Water main break", "Water", ServiceType.REALTIME),
                service("N1", "Noise", null, ServiceType.REALTIME),
                service("A1", "Stray dog", "Animals", ServiceType.REALTIME),
                service("W1", "Hydrant open", "Water", ServiceType.REALTIME),
                service("A2", "Dead animal", "Animals", ServiceType.REALTIME))));

    assertEquals(
        List.of("A2", "A1", "W1", "W2", "N1"),
        catalog.services("j.example.org").stream().map(Service::serviceCode).toList());
  }

  @Test
  void metadataIsTrueExactlyWhenTheServiceHasAttributes() {
    catalog.load(TestCatalogs.springfield());

    assertTrue(catalog.service(SPRINGFIELD, "PHF").orElseThrow().metadata());
    assertFalse(catalog.service(SPRINGFIELD, "SIGN").orElseThrow().metadata());
    assertEquals(
        new Service(
            "TIP",
            "Anonymous tip",
            "Tell the city something; no answer is sent.",
            false,
            ServiceType.BLACKBOX,
            "tip",
            null),
        catalog.service(SPRINGFIELD, "TIP").orElseThrow());
  }

  @Test
  void definitionListsAttributesByOrderAndValuesByPosition() {
    catalog.load(
        document(
            jurisdiction(
                "j.example.org",
                groups(),
                service(
                    "S",
                    "Service",
                    null,
                    ServiceType.REALTIME,
                    text("LAST", 3),
                    list("FIRST", 1, "Z", "Zulu", "A", "Alpha", "M", "Mike"),
                    text("MIDDLE", 2)))));

    ServiceDefinition definition = catalog.definition("j.example.org", "S").orElseThrow();

    assertEquals("S", definition.serviceCode());
    assertEquals(
        List.of("FIRST", "MIDDLE", "LAST"),
        definition.attributes().stream().map(ServiceAttribute::code).toList());
    assertEquals(
        list("FIRST", 1, "Z", "Zulu", "A", "Alpha", "M", "Mike"), definition.attributes().get(0));
  }

  @Test
  void definitionIsEmptyForAnUnknownCodeAndHasNoAttributesForAPlainService() {
    catalog.load(TestCatalogs.springfield());

    assertTrue(catalog.definition(SPRINGFIELD, "NOPE").isEmpty());
    assertTrue(catalog.definition("elsewhere.example.org", "PHF").isEmpty());
    assertEquals(
        new ServiceDefinition("SIGN", List.of()),
        catalog.definition(SPRINGFIELD, "SIGN").orElseThrow());
  }
}
