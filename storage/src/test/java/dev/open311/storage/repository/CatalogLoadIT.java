package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.document;
import static dev.open311.storage.repository.TestCatalogs.groups;
import static dev.open311.storage.repository.TestCatalogs.jurisdiction;
import static dev.open311.storage.repository.TestCatalogs.list;
import static dev.open311.storage.repository.TestCatalogs.service;
import static dev.open311.storage.repository.TestCatalogs.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.catalog.CatalogDocument;
import dev.open311.spec.catalog.CatalogFiles.InvalidCatalogException;
import dev.open311.spec.catalog.CatalogJurisdiction;
import dev.open311.spec.model.ServiceType;
import dev.open311.spec.port.Catalog;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code catalog load} and {@code catalog export}: what a load writes, and what it leaves. */
@ExtendWith(SharedStorage.class)
class CatalogLoadIT {

  private final Catalog catalog;
  private final TestClock clock;

  CatalogLoadIT(Storage storage, TestClock clock) {
    this.catalog = storage.catalog();
    this.clock = clock;
  }

  @Test
  void loadThenExportGivesTheDocumentBack() {
    CatalogDocument springfield = TestCatalogs.springfield();

    assertEquals(4, catalog.load(springfield));

    assertEquals(springfield, catalog.export());
    assertFalse(catalog.isEmpty());
  }

  @Test
  void exportThenLoadIsAFixpointAndChangesNothing() {
    catalog.load(TestCatalogs.springfield());
    CatalogDocument exported = catalog.export();
    OffsetDateTime changedAt = catalog.changedAt();
    clock.advance(Duration.ofHours(1));

    catalog.load(exported);

    assertEquals(exported, catalog.export());
    assertEquals(changedAt, catalog.changedAt(), "reloading the same catalog is no change");
  }

  @Test
  void reloadingAJurisdictionKeepsItsNumberAndDrawsNoOther(Storage storage) {
    catalog.load(TestCatalogs.springfield());
    CatalogDocument changed =
        document(
            jurisdiction(
                TestCatalogs.SPRINGFIELD, groups(), service("PHF", "Pothole", null, ServiceType.REALTIME)));
    for (int i = 0; i < 3; i++) {
      catalog.load(TestCatalogs.springfield());
      catalog.load(changed);
    }
    catalog.load(
        document(
            jurisdiction(
                "next.example.org", groups(), service("PHF", "Pothole", null, ServiceType.REALTIME))));

    // Numbers are smallints: a load that drew one every time would run out after 32,767.
    List<Integer> numbers =
        dev.open311.storage.TestDatabases.jdbi(storage)
            .withHandle(
                h ->
                    h.createQuery(
                            "select num from jurisdiction where jurisdiction_id in"
                                + " (:a, 'next.example.org') order by num")
                        .bind("a", TestCatalogs.SPRINGFIELD)
                        .mapTo(Integer.class)
                        .list());
    assertEquals(2, numbers.size());
    assertEquals(numbers.get(0) + 1, numbers.get(1), numbers.toString());
    assertEquals(
        "Jurisdiction " + TestCatalogs.SPRINGFIELD,
        catalog.export().jurisdictions().stream()
            .filter(j -> j.jurisdictionId().equals(TestCatalogs.SPRINGFIELD))
            .findFirst()
            .orElseThrow()
            .name(),
        "a changed jurisdiction is still updated");
  }

  @Test
  void loadReplacesTheAttributesOfListedServicesAndLeavesOthersAlone() {
    catalog.load(
        document(
            jurisdiction(
                "j.example.org",
                groups("G"),
                service("A", "Alpha", "G", ServiceType.REALTIME, text("OLD1", 1), text("OLD2", 2)),
                service("B", "Bravo", "G", ServiceType.REALTIME, text("KEEP", 1)))));
    OffsetDateTime firstLoad = catalog.changedAt();
    clock.advance(Duration.ofMinutes(5));

    catalog.load(
        document(
            jurisdiction(
                "j.example.org",
                groups("G"),
                service("A", "Alpha", "G", ServiceType.REALTIME, list("NEW", 1, "Y", "Yes")))));

    assertEquals(
        List.of(list("NEW", 1, "Y", "Yes")),
        catalog.definition("j.example.org", "A").orElseThrow().attributes());
    assertEquals(
        List.of(text("KEEP", 1)),
        catalog.definition("j.example.org", "B").orElseThrow().attributes());
    assertEquals(firstLoad.plusMinutes(5), catalog.changedAt());
  }

  @Test
  void loadWithoutAttributesClearsTheDefinitionAndTheMetadataFlag() {
    catalog.load(
        document(
            jurisdiction(
                "j.example.org",
                groups(),
                service("A", "Alpha", null, ServiceType.REALTIME, text("Q", 1)))));

    catalog.load(
        document(
            jurisdiction(
                "j.example.org", groups(), service("A", "Alpha", null, ServiceType.REALTIME))));

    assertFalse(catalog.service("j.example.org", "A").orElseThrow().metadata());
    assertEquals(List.of(), catalog.definition("j.example.org", "A").orElseThrow().attributes());
  }

  @Test
  void aGroupNamedOnlyByAServiceIsCreated() {
    catalog.load(
        document(
            jurisdiction(
                "j.example.org", groups(), service("A", "Alpha", "Parks", ServiceType.BATCH))));

    CatalogJurisdiction exported = catalog.export().jurisdictions().get(0);

    assertEquals("Parks", exported.groups().get(0).name());
    assertEquals("Parks", catalog.service("j.example.org", "A").orElseThrow().group());
  }

  @Test
  void changedAtIsTheLastChangeInUtc() {
    clock.set(OffsetDateTime.parse("2026-07-04T09:30:00-05:00").toInstant());

    catalog.load(TestCatalogs.springfield());

    assertEquals(OffsetDateTime.parse("2026-07-04T14:30:00Z"), catalog.changedAt());
    assertEquals(ZoneOffset.UTC, catalog.changedAt().getOffset());
  }

  @Test
  void anInvalidDocumentIsRefusedAndNothingIsWritten() {
    CatalogDocument invalid =
        document(
            jurisdiction(
                "j.example.org",
                groups(),
                service("A", "Alpha", null, ServiceType.REALTIME, text("DUP", 1), text("DUP", 2))));

    assertThrows(InvalidCatalogException.class, () -> catalog.load(invalid));
    assertTrue(catalog.isEmpty());
  }
}
