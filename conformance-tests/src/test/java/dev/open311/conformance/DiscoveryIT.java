package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Digest §1.0: the service discovery document, in both mandatory formats. */
class DiscoveryIT {
  static final String SPEC = "http://wiki.open311.org/GeoReport_v2";

  @ParameterizedTest(name = "discovery{0}")
  @EnumSource(Format.class)
  void discoveryIsOneObjectWithChangesetContactKeyServiceAndEndpoints(Format f) {
    Map<String, Object> discovery = Checks.ok(f, Api.discovery(f)).object("discovery");

    for (String field : List.of("changeset", "contact", "key_service")) {
      assertNotNull(
          Doc.text(discovery, field), () -> "discovery needs " + field + ": " + discovery);
    }
    assertFalse(Doc.listField(discovery, "endpoints").isEmpty(), "discovery lists no endpoints");
  }

  @ParameterizedTest(name = "discovery{0}")
  @EnumSource(Format.class)
  void discoveryAnnouncesAGeoReportV2EndpointWithUrlChangesetTypeAndBothFormats(Format f) {
    Map<String, Object> discovery = Checks.ok(f, Api.discovery(f)).object("discovery");
    List<Map<String, Object>> v2 =
        Doc.listField(discovery, "endpoints").stream()
            .filter(e -> SPEC.equals(Doc.text(e, "specification")))
            .toList();

    assertFalse(v2.isEmpty(), () -> "no endpoint with specification " + SPEC + ": " + discovery);
    for (Map<String, Object> endpoint : v2) {
      assertNotNull(Doc.text(endpoint, "url"), () -> "endpoint without url: " + endpoint);
      assertNotNull(
          Doc.text(endpoint, "changeset"), () -> "endpoint without changeset: " + endpoint);
      assertTrue(
          Set.of("production", "test").contains(Doc.text(endpoint, "type")),
          () -> "endpoint type must be production or test: " + endpoint);
      List<String> formats = Doc.strings(endpoint, "formats");
      assertTrue(formats.contains("text/xml"), () -> "formats lack text/xml: " + formats);
      assertTrue(
          formats.contains("application/json"), () -> "formats lack application/json: " + formats);
    }
  }
}
