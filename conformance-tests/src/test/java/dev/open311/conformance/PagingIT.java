package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Chicago's paging and incremental sync on GET requests (digest §6.1, §6.3): one-based page and
 * page_size (default 50, at most 500, an empty list past the end), updated_after/updated_before,
 * and this server's harvest cursor when the target hands one out. Skipped when not offered.
 */
class PagingIT {

  @ParameterizedTest(name = "requests{0}?page=1,2&page_size=2 slice page_size=4")
  @EnumSource(Format.class)
  void consecutivePagesAreDisjointSlicesOfOneOrder(Format f) {
    Support.assumePaging();
    for (int i = 0; i < 3; i++) {
      Api.file(f, ValidPost.form(Catalog.realtime()));
    }

    List<String> first = ids(f, Params.of("page", "1", "page_size", "2"));
    List<String> second = ids(f, Params.of("page", "2", "page_size", "2"));
    List<String> both = ids(f, Params.of("page", "1", "page_size", "4"));

    assertEquals(2, first.size());
    assertEquals(2, second.size());
    List<String> joined = new ArrayList<>(first);
    joined.addAll(second);
    assertEquals(both, joined);
  }

  @ParameterizedTest(name = "requests{0}?page=0 is page 1")
  @EnumSource(Format.class)
  void pageZeroIsTheFirstPage(Format f) {
    Support.assumePaging();

    assertEquals(ids(f, Params.of("page", "1", "page_size", "3")), ids(f, Params.of("page", "0", "page_size", "3")));
  }

  @ParameterizedTest(name = "requests{0}?page_size=N without page")
  @EnumSource(Format.class)
  void pageSizeAloneLimitsTheAnswer(Format f) {
    Support.assumePaging();

    assertTrue(ids(f, Params.of("page_size", "2")).size() <= 2);
    assertTrue(ids(f, Params.of("page_size", "500")).size() <= 500);
  }

  @ParameterizedTest(name = "requests{0}?page=1000000&page_size=500 is empty")
  @EnumSource(Format.class)
  void aPagePastTheEndIsAnEmptyList(Format f) {
    Support.assumePaging();

    assertEquals(List.of(), ids(f, Params.of("page", "1000000", "page_size", "500")));
  }

  @ParameterizedTest(name = "requests{0}: bad page or page_size is a 400")
  @EnumSource(Format.class)
  void badPagingIsA400(Format f) {
    Support.assumePaging();

    Checks.error(f, Api.get("requests", f, Params.of("page_size", "501")), 400);
    Checks.error(f, Api.get("requests", f, Params.of("page_size", "0")), 400);
    Checks.error(f, Api.get("requests", f, Params.of("page", "-1")), 400);
    Checks.error(f, Api.get("requests", f, Params.of("page", "two")), 400);
    Checks.error(f, Api.get("requests", f, Params.of("page_size", "1.5")), 400);
  }

  @ParameterizedTest(
      name = "requests{0}?updated_after just before a new request includes it, now+1h not")
  @EnumSource(Format.class)
  void updatedAfterSelectsByUpdatedDatetime(Format f) {
    Support.assumeUpdatedAfter();
    String id = Api.file(f, ValidPost.form(Catalog.realtime()));
    // A second before the target's own updated_datetime for it: an hour before, a busy target
    // has more than a page of requests updated ahead of it (oldest first), and its clock may
    // differ from this machine's.
    String justBefore =
        Markers.w3c(
            OffsetDateTime.parse(Doc.text(Api.fetch(f, id), "updated_datetime"))
                .minusSeconds(1));

    assertTrue(ids(f, Params.of("updated_after", justBefore, "page_size", "500")).contains(id));
    assertFalse(ids(f, Params.of("updated_after", Markers.minutesFromNow(60), "page_size", "500")).contains(id));
    assertFalse(ids(f, Params.of("updated_before", "2001-01-01T00:00:00Z", "page_size", "500")).contains(id));
  }

  @ParameterizedTest(name = "requests{0}?updated_after: every request was updated after it")
  @EnumSource(Format.class)
  void everyRequestFoundWasUpdatedAfterTheBound(Format f) {
    Support.assumeUpdatedAfter();
    Api.file(f, ValidPost.form(Catalog.realtime()));
    String bound = Markers.minutesFromNow(-60);

    for (Map<String, Object> item : list(f, Params.of("updated_after", bound, "page_size", "500"))) {
      String updated = Doc.text(item, "updated_datetime");
      assertTrue(
          OffsetDateTime.parse(updated).isAfter(OffsetDateTime.parse(bound).minusSeconds(1)),
          () -> "updated " + updated + " before " + bound);
    }
  }

  @ParameterizedTest(name = "requests{0}: a bad updated_after or updated_before is a 400")
  @EnumSource(Format.class)
  void badUpdatedBoundsAreA400(Format f) {
    Support.assumeUpdatedAfter();

    Checks.error(f, Api.get("requests", f, Params.of("updated_after", "yesterday")), 400);
    Checks.error(f, Api.get("requests", f, Params.of("updated_before", "2024-13-45")), 400);
  }

  @ParameterizedTest(name = "requests{0}?updated_after: the next cursor continues after the page")
  @EnumSource(Format.class)
  void theHarvestCursorContinuesWithoutRepeating(Format f) {
    Support.assumeUpdatedAfter();
    for (int i = 0; i < 3; i++) {
      Api.file(f, ValidPost.form(Catalog.realtime()));
    }
    Params harvest = Params.of("updated_after", Markers.minutesFromNow(-60), "page_size", "2");
    Response first = Api.get("requests", f, harvest);
    String cursor = first.header("X-Open311-Next-Cursor");
    Target.expect(cursor != null, () -> "the target hands out no harvest cursor");
    assertTrue(String.valueOf(first.header("Link")).contains("rel=\"next\""), first.header("Link"));

    List<String> firstIds = Doc.ids(Checks.ok(f, first).list("service_requests"));
    List<String> nextIds = ids(f, harvest.copy().set("cursor", cursor));

    assertEquals(2, firstIds.size());
    assertFalse(nextIds.isEmpty());
    assertTrue(new HashSet<>(firstIds).stream().noneMatch(nextIds::contains), () -> firstIds + " then " + nextIds);
    Checks.error(f, Api.get("requests", f, Params.of("cursor", "not-a-cursor")), 400);
    assertNotEquals(cursor, Api.get("requests", f, harvest.copy().set("cursor", cursor)).header("X-Open311-Next-Cursor"));
  }

  private static List<String> ids(Format f, Params query) {
    return Doc.ids(list(f, query));
  }

  private static List<Map<String, Object>> list(Format f, Params query) {
    return Checks.ok(f, Api.get("requests", f, query)).list("service_requests");
  }
}
