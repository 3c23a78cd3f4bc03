package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Digest §1.5: the filters of GET requests.{fmt}, each checked against a request filed now. */
class RequestFilterIT {
  private static final Map<Format, String> FILED = new EnumMap<>(Format.class);
  private static final String YEAR_2001_START = "2001-01-01T00:00:00Z";
  private static final String YEAR_2001_END = "2001-02-01T00:00:00Z";

  @ParameterizedTest(name = "requests{0}?service_code=A,B")
  @EnumSource(Format.class)
  void serviceCodeTakesACommaSeparatedList(Format f) {
    String id = filed(f);
    String code = Catalog.realtime().code();
    String other = otherCode(code);

    List<Map<String, Object>> items = list(f, Params.of("service_code", other + "," + code));

    assertTrue(Doc.ids(items).contains(id), "request missing from its own service_code");
    for (Map<String, Object> item : items) {
      assertTrue(
          Set.of(code, other).contains(Doc.text(item, "service_code")),
          () -> "foreign code: " + item);
    }
  }

  @ParameterizedTest(name = "requests{0}?service_code=OTHER")
  @EnumSource(Format.class)
  void serviceCodeExcludesRequestsOfOtherServices(Format f) {
    String other = otherCode(Catalog.realtime().code());
    String id = filed(f);

    assertFalse(Doc.ids(list(f, Params.of("service_code", other))).contains(id));
  }

  @ParameterizedTest(name = "requests{0}?status=open")
  @EnumSource(Format.class)
  void statusOpenIncludesANewRequestAndOnlyOpenOnes(Format f) {
    String id = filed(f);
    List<Map<String, Object>> items = list(f, Params.of("status", "open"));

    assertTrue(Doc.ids(items).contains(id));
    items.forEach(i -> assertEquals("open", Doc.text(i, "status")));
  }

  @ParameterizedTest(name = "requests{0}?status=closed")
  @EnumSource(Format.class)
  void statusClosedExcludesANewRequestAndHoldsOnlyClosedOnes(Format f) {
    String id = filed(f);
    List<Map<String, Object>> items = list(f, Params.of("status", "closed"));

    assertFalse(Doc.ids(items).contains(id));
    items.forEach(i -> assertEquals("closed", Doc.text(i, "status")));
  }

  @ParameterizedTest(name = "requests{0}?status=open,closed")
  @EnumSource(Format.class)
  void statusOpenCommaClosedIncludesANewRequest(Format f) {
    String id = filed(f);

    assertTrue(Doc.ids(list(f, Params.of("status", "open,closed"))).contains(id));
  }

  @ParameterizedTest(name = "requests{0}?start_date=now-1h&end_date=now+1h")
  @EnumSource(Format.class)
  void dateWindowAroundNowIncludesANewRequest(Format f) {
    String id = filed(f);
    Params window =
        Params.of(
            "start_date", Markers.minutesFromNow(-60), "end_date", Markers.minutesFromNow(60));

    assertTrue(Doc.ids(list(f, window)).contains(id));
  }

  @ParameterizedTest(name = "requests{0}?start_date=2001...&end_date=2001...")
  @EnumSource(Format.class)
  void dateWindowIn2001ExcludesANewRequest(Format f) {
    String id = filed(f);
    Params window = Params.of("start_date", YEAR_2001_START, "end_date", YEAR_2001_END);

    assertFalse(Doc.ids(list(f, window)).contains(id));
  }

  @ParameterizedTest(name = "requests{0}?service_request_id=ID&status=closed&start_date=2001...")
  @EnumSource(Format.class)
  void serviceRequestIdOverridesEveryOtherFilter(Format f) {
    String id = filed(f);
    Params conflicting =
        Params.of(
            "service_request_id", id,
            "status", "closed",
            "start_date", YEAR_2001_START,
            "end_date", YEAR_2001_END,
            "service_code", otherCode(Catalog.realtime().code(), Markers.unique("nosuch")));

    assertEquals(List.of(id), Doc.ids(list(f, conflicting)));
  }

  @ParameterizedTest(name = "requests{0}?service_request_id=A,B")
  @EnumSource(Format.class)
  void serviceRequestIdTakesACommaSeparatedList(Format f) {
    String first = filed(f);
    String second = Api.file(f, ValidPost.form(Catalog.realtime()));

    List<String> ids = Doc.ids(list(f, Params.of("service_request_id", first + "," + second)));

    assertEquals(Set.of(first, second), Set.copyOf(ids));
    assertEquals(2, ids.size(), () -> "each id exactly once: " + ids);
  }

  private static synchronized String filed(Format f) {
    return FILED.computeIfAbsent(f, fmt -> Api.file(fmt, ValidPost.form(Catalog.realtime())));
  }

  private static List<Map<String, Object>> list(Format f, Params query) {
    return Checks.ok(f, Api.get("requests", f, query)).list("service_requests");
  }

  private static String otherCode(String code) {
    String other = otherCode(code, null);
    Target.expect(other != null, () -> "target has a single service");
    return other;
  }

  private static String otherCode(String code, String fallback) {
    return Catalog.first(s -> !s.code().equals(code)).map(Catalog.Service::code).orElse(fallback);
  }
}
