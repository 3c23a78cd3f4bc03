package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * extensions=true on GET requests and GET requests/{id} (digest §6.2), shaped like Chicago's:
 * after the standard fields, {@code attributes} (attribute code to answer), {@code
 * extended_attributes} (channel, duplicate ...) and {@code notes} (type, datetime, summary,
 * description; {@code notes/note} in XML). Without it the output is the standard one. Skipped when
 * not offered.
 */
class ExtensionsIT {
  private static final Map<Format, String> FILED = new EnumMap<>(Format.class);
  private static final List<String> EXTENSION_FIELDS =
      List.of("attributes", "extended_attributes", "notes");

  @ParameterizedTest(name = "requests/ID{0}?extensions=true adds the three fields after the standard ones")
  @EnumSource(Format.class)
  void extensionsFollowTheStandardFields(Format f) {
    Support.assumeExtensions();
    Map<String, Object> request = extended(f, filed(f));

    List<String> order = new ArrayList<>(RequestListIT.FIELD_ORDER);
    order.addAll(EXTENSION_FIELDS);
    Checks.allowedFields(request, order, "requests/ID" + f + "?extensions=true");
    assertTrue(request.keySet().containsAll(EXTENSION_FIELDS), () -> request.keySet().toString());
    if (f == Format.XML) {
      Checks.fieldOrder(request.keySet(), order);
    }
  }

  @ParameterizedTest(name = "requests/ID{0}?extensions=true: attributes holds the answers by code")
  @EnumSource(Format.class)
  void attributesHoldTheAnswersByCode(Format f) {
    Support.assumeExtensions();
    Catalog.Service service = Catalog.realtimeWithMetadata();
    Params form = ValidPost.form(service);
    String id = Api.file(f, form);

    Map<String, Object> attributes = object(extended(f, id), "attributes");

    for (Catalog.Attribute a : Catalog.attributes(service)) {
      if (!a.mustBeFilled()) {
        continue;
      }
      Object answer = attributes.get(a.code());
      assertNotNull(answer, () -> a.code() + " missing from " + attributes);
      if ("multivaluelist".equals(a.datatype()) && f == Format.JSON) {
        assertTrue(answer instanceof List, () -> a.code() + " must be an array of keys: " + answer);
        assertEquals(form.asMap().get(ValidPost.key(a) + "[]"), answer);
      } else if (!"multivaluelist".equals(a.datatype())) {
        assertFalse(answer instanceof Map || answer instanceof List, () -> a.code() + ": " + answer);
      }
    }
  }

  @ParameterizedTest(name = "requests/ID{0}?extensions=true: notes start with the opening")
  @EnumSource(Format.class)
  void notesAreTheHistoryOldestFirst(Format f) {
    Support.assumeExtensions();
    List<Map<String, Object>> notes = Doc.listField(extended(f, filed(f)), "notes");

    assertFalse(notes.isEmpty(), "a new request has at least the note of its filing");
    Instant previous = Instant.MIN;
    for (Map<String, Object> note : notes) {
      Checks.allowedFields(
          note, List.of("type", "datetime", "summary", "description", "extended_attributes"), "note");
      assertNotNull(Doc.text(note, "type"), note::toString);
      String datetime = Doc.text(note, "datetime");
      assertTrue(Checks.DATETIME.matcher(String.valueOf(datetime)).matches(), () -> "datetime " + datetime);
      Instant at = OffsetDateTime.parse(datetime).toInstant();
      assertFalse(at.isBefore(previous), () -> "notes oldest first: " + notes);
      previous = at;
    }
  }

  @ParameterizedTest(name = "requests/ID{0}?extensions=true: extended_attributes is an object")
  @EnumSource(Format.class)
  void extendedAttributesIsAnObjectWithTheChannel(Format f) {
    Support.assumeExtensions();

    Map<String, Object> extended = object(extended(f, filed(f)), "extended_attributes");

    assertTrue(extended.containsKey("channel"), extended::toString);
    if (f == Format.JSON) {
      assertTrue(extended.get("duplicate") instanceof Boolean, extended::toString);
    }
  }

  @ParameterizedTest(name = "requests{0}?extensions=true: every listed request carries them")
  @EnumSource(Format.class)
  void theListCarriesTheExtensionsToo(Format f) {
    Support.assumeExtensions();
    String id = filed(f);

    List<Map<String, Object>> items =
        Checks.ok(f, Api.get("requests", f, Params.of("extensions", "true", "service_request_id", id)))
            .list("service_requests");

    assertEquals(1, items.size());
    assertTrue(items.get(0).keySet().containsAll(EXTENSION_FIELDS), () -> items.get(0).keySet().toString());
  }

  @ParameterizedTest(name = "requests/ID{0} without extensions, or extensions=false, is standard")
  @EnumSource(Format.class)
  void withoutExtensionsTheOutputIsStandard(Format f) {
    Support.assumeExtensions();
    String id = filed(f);

    for (Params query : List.of(new Params(), Params.of("extensions", "false"))) {
      Map<String, Object> request =
          Checks.ok(f, Api.get("requests/{id}", f, query, id)).single("service_requests");
      Checks.allowedFields(request, RequestListIT.FIELD_ORDER, "requests/ID" + f + " " + query);
    }
  }

  @ParameterizedTest(name = "requests{0}?extensions=maybe is a 400")
  @EnumSource(Format.class)
  void extensionsTakesTrueOrFalse(Format f) {
    Support.assumeExtensions();

    Checks.error(f, Api.get("requests", f, Params.of("extensions", "maybe")), 400);
  }

  private static Map<String, Object> extended(Format f, String id) {
    return Checks.ok(f, Api.get("requests/{id}", f, Params.of("extensions", "true"), id))
        .single("service_requests");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> item, String key) {
    Object value = item.get(key);
    if ("".equals(value)) {
      return Map.of();
    }
    assertTrue(value instanceof Map, () -> key + " must be an object: " + value);
    return (Map<String, Object>) value;
  }

  private static synchronized String filed(Format f) {
    return FILED.computeIfAbsent(f, fmt -> Api.file(fmt, ValidPost.form(Catalog.realtime())));
  }
}
