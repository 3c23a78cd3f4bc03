package dev.open311.storage.repository;

import dev.open311.spec.catalog.CatalogDocument;
import dev.open311.spec.catalog.CatalogFiles;
import dev.open311.spec.catalog.CatalogGroup;
import dev.open311.spec.catalog.CatalogJurisdiction;
import dev.open311.spec.catalog.CatalogService;
import dev.open311.spec.model.AttributeValue;
import dev.open311.spec.model.Datatype;
import dev.open311.spec.model.ServiceAttribute;
import dev.open311.spec.model.ServiceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Catalogs for tests: the Springfield fixture file and small ones built in code. */
final class TestCatalogs {

  static final String SPRINGFIELD = "springfield.example.org";
  static final String CHICAGO_ZONE = "America/Chicago";

  private TestCatalogs() {}

  /** {@code catalog/springfield.json}, already in the order {@code export()} writes. */
  static CatalogDocument springfield() {
    String file = "catalog/springfield.json";
    try (InputStream in = TestCatalogs.class.getClassLoader().getResourceAsStream(file)) {
      return CatalogFiles.read(in, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CatalogDocument document(CatalogJurisdiction... jurisdictions) {
    return new CatalogDocument(List.of(jurisdictions));
  }

  static CatalogJurisdiction jurisdiction(
      String id, List<CatalogGroup> groups, CatalogService... services) {
    return new CatalogJurisdiction(
        id, "Jurisdiction " + id, CHICAGO_ZONE, null, null, groups, List.of(services));
  }

  static CatalogService service(
      String code, String name, String group, ServiceType type, ServiceAttribute... attributes) {
    return new CatalogService(
        code,
        name,
        "About " + name,
        type,
        null,
        group,
        "Agency for " + code,
        "Notice for " + code,
        3,
        List.of(attributes));
  }

  static ServiceAttribute text(String code, int order) {
    return new ServiceAttribute(true, code, Datatype.STRING, false, null, order, code, null);
  }

  /** A singlevaluelist whose values are given as key, name, key, name ... */
  static ServiceAttribute list(String code, int order, String... keysAndNames) {
    List<AttributeValue> values =
        IntStream.range(0, keysAndNames.length / 2)
            .mapToObj(i -> new AttributeValue(keysAndNames[2 * i], keysAndNames[2 * i + 1]))
            .toList();
    return new ServiceAttribute(
        true, code, Datatype.SINGLEVALUELIST, true, null, order, code, values);
  }

  static List<CatalogGroup> groups(String... names) {
    return Arrays.stream(names).map(name -> new CatalogGroup(name, "All about " + name)).toList();
  }
}
