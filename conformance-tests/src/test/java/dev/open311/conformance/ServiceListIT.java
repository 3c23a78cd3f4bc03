package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Digest §1.1: GET services.{fmt}. */
class ServiceListIT {
  static final List<String> FIELD_ORDER =
      List.of(
          "service_code", "service_name", "description", "metadata", "type", "keywords", "group");

  @ParameterizedTest(name = "services{0}")
  @EnumSource(Format.class)
  void servicesIsANonEmptyListOfServices(Format f) {
    List<Map<String, Object>> services = Checks.ok(f, Api.get("services", f)).list("services");

    assertFalse(services.isEmpty(), "a server must offer at least one service");
  }

  @ParameterizedTest(name = "services{0}")
  @EnumSource(Format.class)
  void everyServiceHasCodeNameMetadataAndAKnownType(Format f) {
    for (Map<String, Object> s : Checks.ok(f, Api.get("services", f)).list("services")) {
      assertNotNull(Doc.text(s, "service_code"), () -> "service without service_code: " + s);
      assertNotNull(Doc.text(s, "service_name"), () -> "service without service_name: " + s);
      Types.string(f, s.get("service_code"), "service_code");
      Types.bool(f, s.get("metadata"), "metadata of " + s.get("service_code"));
      assertTrue(
          Set.of("realtime", "batch", "blackbox").contains(Doc.text(s, "type")),
          () -> "type must be realtime, batch or blackbox: " + s);
    }
  }

  @ParameterizedTest(name = "services{0}")
  @EnumSource(Format.class)
  void keywordsAndGroupAreSingleStringsWhenPresent(Format f) {
    for (Map<String, Object> s : Checks.ok(f, Api.get("services", f)).list("services")) {
      for (String field : List.of("keywords", "group", "description")) {
        Object v = s.get(field);
        if (v != null) {
          Types.string(f, v, field + " of " + s.get("service_code"));
        }
      }
    }
  }

  @Test
  void xmlServiceFieldsFollowTheSpecOrder() {
    for (Map<String, Object> s :
        Checks.ok(Format.XML, Api.get("services", Format.XML)).list("services")) {
      Checks.fieldOrder(s.keySet(), FIELD_ORDER);
    }
  }
}
