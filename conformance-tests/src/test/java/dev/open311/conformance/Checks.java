package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Assertions shared by the suite, each phrased after a rule of the digest. */
final class Checks {
  /** Digest §4.1: seconds precision, zone always present, no fractional seconds. */
  static final Pattern DATETIME =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})$");

  private static final Pattern XML_DECLARATION =
      Pattern.compile(
          "^\\uFEFF?<\\?xml\\s+version\\s*=\\s*[\"']1\\.[0-9]+[\"']"
              + "\\s+encoding\\s*=\\s*[\"']utf-8[\"'].*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final List<String> STACK_TRACE_MARKERS =
      List.of("Exception", "at org.", "at java.");

  private Checks() {}

  /**
   * 200 and a body in the requested format; returns it parsed. Content-Type and the XML declaration
   * are checked once per endpoint by {@link EnvelopeIT}, so a fault there fails alone.
   */
  static Doc ok(Format f, Response r) {
    assertEquals(200, r.statusCode(), () -> Api.describe(r));
    return Doc.of(f, r);
  }

  /**
   * Digest §1.3: 200 with exactly one request holding service_request_id (realtime) xor token
   * (batch), neither for blackbox. Returns that request.
   */
  static Map<String, Object> accepted(Format f, Response r, Catalog.Service service) {
    Map<String, Object> item = ok(f, r).single("service_requests");
    String id = Doc.text(item, "service_request_id");
    String token = Doc.text(item, "token");
    String both = "service_request_id=" + id + ", token=" + token + " for a " + service.type();
    switch (String.valueOf(service.type())) {
      case "realtime" -> assertTrue(id != null && token == null, both);
      case "batch" -> assertTrue(token != null && id == null, both);
      default -> assertTrue(id == null || token == null, both);
    }
    return item;
  }

  static void contentType(Format f, Response r) {
    assertTrue(
        f.matchesContentType(r.header("Content-Type")),
        () ->
            "Content-Type must be " + f.mediaType + " (charset utf-8 allowed), " + Api.describe(r));
  }

  static void xmlDeclaration(String body) {
    assertTrue(
        XML_DECLARATION.matcher(body).matches(),
        () -> "XML must start with <?xml version=\"1.0\" encoding=\"utf-8\"?>: " + head(body));
  }

  /** Digest §2: the status, and an errors/error{code,description} body in the given format. */
  static void error(Format f, Response r, int... statuses) {
    int status = r.statusCode();
    assertTrue(
        Arrays.stream(statuses).anyMatch(s -> s == status),
        () -> "expected HTTP " + Arrays.toString(statuses) + ", " + Api.describe(r));
    String body = Doc.bodyOf(r);
    noStackTrace(body);
    List<Map<String, Object>> errors = Doc.of(f, r).list("errors");
    assertFalse(errors.isEmpty(), () -> "error list is empty: " + body);
    for (Map<String, Object> error : errors) {
      assertNotNull(Doc.text(error, "code"), () -> "error without code: " + body);
      String description = Doc.text(error, "description");
      assertTrue(
          description != null && !description.isBlank(),
          () -> "error without description: " + body);
    }
    contentType(f, r);
  }

  static void noStackTrace(String body) {
    for (String marker : STACK_TRACE_MARKERS) {
      assertFalse(
          body.contains(marker), () -> "body leaks a stack trace (" + marker + "): " + body);
    }
  }

  /** Every non-empty *_datetime field has the W3C form of digest §4.1. */
  static void datetimes(Map<String, Object> item) {
    item.forEach(
        (key, value) -> {
          if (key.endsWith("_datetime") && value != null && !"".equals(value)) {
            assertTrue(
                DATETIME.matcher(String.valueOf(value)).matches(),
                () -> key + " is not a W3C datetime without fractions: " + value);
          }
        });
  }

  /** The known fields that are present appear in their canonical relative order. */
  static void fieldOrder(Iterable<String> actual, List<String> canonical) {
    List<String> known = new ArrayList<>();
    actual.forEach(
        k -> {
          if (canonical.contains(k)) known.add(k);
        });
    List<String> sorted = new ArrayList<>(known);
    sorted.sort((a, b) -> canonical.indexOf(a) - canonical.indexOf(b));
    assertEquals(sorted, known, "field order must follow the spec table");
  }

  static void allowedFields(Map<String, Object> item, List<String> allowed, String what) {
    for (String key : item.keySet()) {
      assertTrue(allowed.contains(key), () -> what + " carries a field outside the spec: " + key);
    }
  }

  private static String head(String body) {
    return body.length() > 120 ? body.substring(0, 120) + "..." : body;
  }
}
