package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The area filter on GET requests (issue 3): area_type=ward&amp;area=42 (a comma list of keys),
 * matched against the areas a request is tagged with, which extensions=true shows under
 * extended_attributes. Skipped when not offered.
 */
class AreaFilterIT {

  @ParameterizedTest(
      name = "requests{0}?area_type=NOSUCH&area=1 is a 400, or a list without new requests")
  @EnumSource(Format.class)
  void anUnknownAreaTypeIsRefusedOrSelectsNothingFiledNow(Format f) {
    Support.assumeAreaFilter();
    String id = Api.file(f, ValidPost.form(Catalog.realtime()));

    Response r =
        Api.get("requests", f, Params.of("area_type", Markers.unique("nosuch"), "area", "1,2"));

    // A server that knows its area types says the type is unknown (this one does); one that
    // does not finds no request tagged with it.
    if (r.statusCode() == 400) {
      Checks.error(f, r, 400);
    } else {
      assertFalse(Doc.ids(Checks.ok(f, r).list("service_requests")).contains(id));
    }
  }

  @ParameterizedTest(name = "requests{0}: area without area_type, or area_type without area, is a 400")
  @EnumSource(Format.class)
  void areaAndAreaTypeComeTogether(Format f) {
    Support.assumeAreaFilter();

    Checks.error(f, Api.get("requests", f, Params.of("area", "42")), 400);
    Checks.error(f, Api.get("requests", f, Params.of("area_type", "ward")), 400);
  }

  @ParameterizedTest(name = "requests{0}?area_type=T&area=K finds a request tagged with it")
  @EnumSource(Format.class)
  void aRequestIsFoundByTheAreasItIsTaggedWith(Format f) {
    Support.assumeAreaFilter();
    Support.assumeExtensions();
    String id = Api.file(f, ValidPost.form(Catalog.realtime()));
    Map<String, Object> tags = areaTags(id);
    Target.expect(!tags.isEmpty(), () -> "the target tagged the request with no area");
    Map.Entry<String, Object> tag = tags.entrySet().iterator().next();
    String key = String.valueOf(tag.getValue());

    assertTrue(Doc.ids(list(f, Params.of("area_type", tag.getKey(), "area", "nosuch," + key))).contains(id));
    assertFalse(Doc.ids(list(f, Params.of("area_type", tag.getKey(), "area", Markers.unique("nosuch")))).contains(id));
  }

  /** The extended attributes that are no fixed Chicago field: the area types and keys. */
  private static Map<String, Object> areaTags(String id) {
    Map<String, Object> request =
        Checks.ok(Format.JSON, Api.get("requests/{id}", Format.JSON, Params.of("extensions", "true"), id))
            .single("service_requests");
    @SuppressWarnings("unchecked")
    Map<String, Object> extended =
        new java.util.LinkedHashMap<>((Map<String, Object>) request.get("extended_attributes"));
    List.of("channel", "duplicate", "parent_service_request_id", "closed_datetime", "zip")
        .forEach(extended::remove);
    extended.values().removeIf(v -> !(v instanceof String));
    return extended;
  }

  private static List<Map<String, Object>> list(Format f, Params query) {
    return Checks.ok(f, Api.get("requests", f, query)).list("service_requests");
  }
}
