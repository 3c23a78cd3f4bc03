package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the target offers, discovered once per JVM through services.xml and services/{code}.xml (XML
 * because it is the mandatory format). Nothing about any particular catalog is assumed.
 */
final class Catalog {
  record Service(String code, String name, boolean metadata, String type) {
    boolean realtime() {
      return "realtime".equals(type);
    }

    boolean batch() {
      return "batch".equals(type);
    }
  }

  record Attribute(
      String code, boolean variable, String datatype, boolean required, List<String> keys) {
    boolean mustBeFilled() {
      return required && variable;
    }
  }

  record Pick(Service service, Attribute attribute) {}

  /** Definitions looked at when searching for an attribute kind, to bound work on big catalogs. */
  private static final int MAX_DEFINITIONS = 50;

  private static List<Service> services;
  private static final Map<String, List<Attribute>> DEFINITIONS = new HashMap<>();

  private Catalog() {}

  static synchronized List<Service> services() {
    if (services == null) {
      Doc doc = load(Api.get("services", Format.XML));
      List<Service> list = new ArrayList<>();
      for (Map<String, Object> s : doc.list("services")) {
        list.add(
            new Service(
                Doc.text(s, "service_code"),
                Doc.text(s, "service_name"),
                "true".equals(Doc.text(s, "metadata")),
                Doc.text(s, "type")));
      }
      services = List.copyOf(list);
    }
    return services;
  }

  /** The attributes of the service's definition (none when metadata is false). */
  static synchronized List<Attribute> attributes(Service s) {
    if (!s.metadata()) {
      return List.of();
    }
    return DEFINITIONS.computeIfAbsent(s.code(), Catalog::loadDefinition);
  }

  /** A realtime service, preferring one without metadata; skips the test if there is none. */
  static Service realtime() {
    Optional<Service> plain = first(s -> s.realtime() && !s.metadata());
    return plain.or(() -> first(Service::realtime)).orElseGet(() -> skip("no realtime service"));
  }

  static Service realtimeWithMetadata() {
    return first(s -> s.realtime() && s.metadata())
        .orElseGet(() -> skip("no realtime service with metadata=true"));
  }

  static Service withMetadata(boolean metadata) {
    return first(s -> s.metadata() == metadata)
        .orElseGet(() -> skip("no service with metadata=" + metadata));
  }

  static Service batch() {
    return first(Service::batch).orElseGet(() -> skip("no service with type=batch"));
  }

  /** A service (realtime ones first) with an attribute matching the predicate, or a skip. */
  static Pick withAttribute(String what, Predicate<Attribute> wanted) {
    List<Service> candidates = new ArrayList<>();
    services().stream().filter(s -> s.metadata() && s.realtime()).forEach(candidates::add);
    services().stream().filter(s -> s.metadata() && !s.realtime()).forEach(candidates::add);
    for (Service s : candidates.subList(0, Math.min(candidates.size(), MAX_DEFINITIONS))) {
      for (Attribute a : attributes(s)) {
        if (a.variable() && wanted.test(a)) {
          return new Pick(s, a);
        }
      }
    }
    return skip("no service with " + what);
  }

  static Optional<Service> first(Predicate<Service> p) {
    return services().stream().filter(p).findFirst();
  }

  private static List<Attribute> loadDefinition(String code) {
    Doc doc = load(Api.get("services/{code}", Format.XML, new Params(), code));
    List<Attribute> list = new ArrayList<>();
    for (Map<String, Object> a : Doc.listField(doc.object("service_definition"), "attributes")) {
      List<String> keys = new ArrayList<>();
      for (Map<String, Object> v : Doc.listField(a, "values")) {
        keys.add(Doc.text(v, "key"));
      }
      list.add(
          new Attribute(
              Doc.text(a, "code"),
              !"false".equals(Doc.text(a, "variable")),
              Doc.text(a, "datatype"),
              "true".equals(Doc.text(a, "required")),
              List.copyOf(keys)));
    }
    return List.copyOf(list);
  }

  /** Only what discovery needs (200, parseable), so a header or declaration fault fails alone. */
  private static Doc load(Response r) {
    assertEquals(200, r.statusCode(), () -> "catalog discovery: " + Api.describe(r));
    return Doc.of(Format.XML, r);
  }

  private static <T> T skip(String why) {
    Target.expect(false, () -> "the target has " + why);
    throw new IllegalStateException("unreachable");
  }
}
