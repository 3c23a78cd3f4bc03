package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Digest §1.3 and §8: personal fields are accepted on POST and never shown by any GET. */
class PrivacyIT {
  static final List<String> HIDDEN_FIELDS =
      List.of("email", "phone", "first_name", "last_name", "device_id");

  private static Params personal;
  private static String id;

  @ParameterizedTest(name = "GET requests/ID{0}")
  @EnumSource(Format.class)
  void singleRequestShowsNoPersonalData(Format f) {
    String filed = filedWithPersonalData();

    assertNothingPersonal(Checks.ok(f, Api.get("requests/{id}", f, new Params(), filed)));
  }

  @ParameterizedTest(name = "GET requests{0}?service_request_id=ID")
  @EnumSource(Format.class)
  void requestListFilteredByIdShowsNoPersonalData(Format f) {
    Params query = Params.of("service_request_id", filedWithPersonalData());

    assertNothingPersonal(Checks.ok(f, Api.get("requests", f, query)));
  }

  @ParameterizedTest(name = "GET requests{0}")
  @EnumSource(Format.class)
  void requestListShowsNoPersonalData(Format f) {
    filedWithPersonalData();

    assertNothingPersonal(Checks.ok(f, Api.get("requests", f)));
  }

  private static void assertNothingPersonal(Doc doc) {
    List<Map<String, Object>> items = doc.list("service_requests");
    assertFalse(items.isEmpty(), "the request filed with personal data must be listed");
    for (String name :
        List.of("email", "phone", "first_name", "last_name", "device_id", "account_id")) {
      String value = personal.first(name);
      assertFalse(
          doc.body.contains(value), () -> name + " value " + value + " leaked: " + doc.body);
    }
    List<String> names = new ArrayList<>();
    collectFieldNames(doc.tree, names);
    for (String hidden : HIDDEN_FIELDS) {
      assertFalse(
          names.contains(hidden), () -> "field " + hidden + " must not be part of GET output");
    }
    if (doc.format == Format.XML) {
      assertEquals(
          0, doc.xpathCount("//email|//phone|//first_name|//last_name|//device_id"), doc.body);
    }
  }

  private static void collectFieldNames(Object node, List<String> names) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (k, v) -> {
            names.add(String.valueOf(k));
            collectFieldNames(v, names);
          });
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collectFieldNames(v, names));
    }
  }

  private static synchronized String filedWithPersonalData() {
    if (id == null) {
      Params form = ValidPost.form(Catalog.realtime());
      personal =
          Params.of(
              "email", Markers.unique("mail") + "@example.org",
              "phone", "+1312555" + Markers.digits(7),
              "first_name", Markers.unique("First"),
              "last_name", Markers.unique("Last"),
              "device_id", Markers.unique("device"),
              "account_id", Markers.unique("account"));
      personal.asMap().forEach((k, v) -> form.set(k, v.get(0)));
      id = Api.file(Format.XML, form);
    }
    return id;
  }
}
