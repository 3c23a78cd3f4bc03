package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Digest §1.2: GET services/{service_code}.{fmt}. */
class ServiceDefinitionIT {
  static final Set<String> DATATYPES =
      Set.of("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist");

  /** Definitions checked per run, to keep a large remote catalog from dominating the run. */
  private static final int MAX_CHECKED = 25;

  @ParameterizedTest(name = "services/CODE{0}")
  @EnumSource(Format.class)
  void definitionIsAnObjectEchoingTheCodeWithAnAttributesList(Format f) {
    Catalog.Service service = Catalog.withMetadata(true);

    Map<String, Object> definition = definition(f, service);

    assertEquals(service.code(), Doc.text(definition, "service_code"));
    assertTrue(
        definition.get("attributes") instanceof List,
        () -> "attributes must be a list: " + definition);
  }

  @ParameterizedTest(name = "services/CODE{0}")
  @EnumSource(Format.class)
  void everyAttributeIsTypedAndOrdersArePositiveAndUnique(Format f) {
    Catalog.withMetadata(true);
    for (Catalog.Service service : metadataServices()) {
      Set<String> orders = new HashSet<>();
      for (Map<String, Object> a : Doc.listField(definition(f, service), "attributes")) {
        String where = service.code() + "/" + a.get("code");
        Types.bool(f, a.get("variable"), "variable of " + where);
        Types.bool(f, a.get("required"), "required of " + where);
        Types.string(f, a.get("code"), "code of " + where);
        assertTrue(
            DATATYPES.contains(Doc.text(a, "datatype")),
            () -> "unknown datatype at " + where + ": " + a);
        Types.integer(f, a.get("order"), "order of " + where);
        String order = String.valueOf(a.get("order")).trim();
        assertTrue(Long.parseLong(order) > 0, () -> "order must be positive at " + where);
        assertTrue(orders.add(order), () -> "order " + order + " used twice in " + service.code());
      }
    }
  }

  @ParameterizedTest(name = "services/CODE{0}")
  @EnumSource(Format.class)
  void listAttributesOfferValuesWithKeyAndName(Format f) {
    Catalog.Pick pick =
        Catalog.withAttribute(
            "a list attribute", a -> String.valueOf(a.datatype()).endsWith("valuelist"));

    for (Map<String, Object> a : Doc.listField(definition(f, pick.service()), "attributes")) {
      if (String.valueOf(a.get("datatype")).endsWith("valuelist")) {
        List<Map<String, Object>> values = Doc.listField(a, "values");
        assertFalse(values.isEmpty(), () -> "list attribute without values: " + a);
        for (Map<String, Object> v : values) {
          assertNotNull(Doc.text(v, "key"), () -> "value without key: " + v);
          assertNotNull(Doc.text(v, "name"), () -> "value without name: " + v);
          Types.string(f, v.get("key"), "value key");
        }
      }
    }
  }

  @ParameterizedTest(name = "services/CODE{0}")
  @EnumSource(Format.class)
  void serviceWithoutMetadataStillAnswersAnEmptyAttributesList(Format f) {
    Catalog.Service service = Catalog.withMetadata(false);

    Doc doc = Checks.ok(f, Api.get("services/{code}", f, new Params(), service.code()));

    if (f == Format.XML) {
      assertEquals(
          1,
          doc.xpathCount("/service_definition/attributes"),
          "<attributes> must be present: " + doc.body);
      assertEquals(0, doc.xpathCount("/service_definition/attributes/attribute"), doc.body);
    }
    Map<String, Object> definition = doc.object("service_definition");
    assertTrue(
        definition.get("attributes") instanceof List,
        () -> "attributes must be a list: " + doc.body);
    assertTrue(
        Doc.listField(definition, "attributes").isEmpty(), "metadata=false but attributes given");
  }

  @ParameterizedTest(name = "services/UNKNOWN{0}")
  @EnumSource(Format.class)
  void definitionOfAnUnknownCodeIs404WithAnErrorBody(Format f) {
    Checks.error(f, Api.get("services/{code}", f, new Params(), Markers.unique("nosuch")), 404);
  }

  private static Map<String, Object> definition(Format f, Catalog.Service service) {
    Doc doc = Checks.ok(f, Api.get("services/{code}", f, new Params(), service.code()));
    if (f == Format.XML) {
      assertEquals(
          1, doc.xpathCount("/service_definition/attributes"), "<attributes> wrapper: " + doc.body);
      assertEquals(
          0, doc.xpathCount("/service_definition/attribute"), "<attribute> outside <attributes>");
    }
    return doc.object("service_definition");
  }

  private static List<Catalog.Service> metadataServices() {
    List<Catalog.Service> list =
        Catalog.services().stream().filter(Catalog.Service::metadata).toList();
    return list.subList(0, Math.min(list.size(), MAX_CHECKED));
  }
}
