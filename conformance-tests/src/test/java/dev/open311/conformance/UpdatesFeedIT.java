package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * FixMyStreet's updates feed, GET servicerequestupdates.{fmt} (digest §6.5): a top-level array /
 * {@code <service_request_updates><request_update>} of update_id, service_request_id, status
 * (lower case), updated_datetime, description, media_url, between start_date and end_date (the
 * last two hours by default). Skipped when not offered, and the checks that need an update for a
 * newly filed request are skipped when the target lists none.
 */
class UpdatesFeedIT {
  private static final Map<Format, String> FILED = new EnumMap<>(Format.class);
  private static final List<String> FIELDS =
      List.of("update_id", "service_request_id", "status", "updated_datetime", "description", "media_url",
          "external_status_code", "customer_reference", "fixmystreet_id", "extras");

  @ParameterizedTest(name = "servicerequestupdates{0}?service_request_id=ID lists its updates")
  @EnumSource(Format.class)
  void aRequestsUpdatesHaveTheFeedsFields(Format f) {
    Support.assumeUpdatesFeed();
    String id = filed(f);

    List<Map<String, Object>> updates = updatesOf(f, id);

    for (Map<String, Object> update : updates) {
      Checks.allowedFields(update, FIELDS, "request_update");
      assertNotNull(Doc.text(update, "update_id"), update::toString);
      assertEquals(id, Doc.text(update, "service_request_id"));
      assertEquals("open", Doc.text(update, "status"), "a new request is open");
      Checks.datetimes(update);
      assertNotNull(Doc.text(update, "updated_datetime"));
      if (f == Format.XML) {
        Checks.fieldOrder(update.keySet(), FIELDS);
      }
    }
  }

  @ParameterizedTest(name = "servicerequestupdates{0} without dates covers the last two hours")
  @EnumSource(Format.class)
  void withoutDatesTheFeedHasTheLastTwoHours(Format f) {
    Support.assumeUpdatesFeed();
    String id = filed(f);

    OffsetDateTime filedAt = datetime(updatesOf(f, id).get(0));
    List<Map<String, Object>> all = list(f, new Params());

    for (Map<String, Object> update : all) {
      assertFalse(
          datetime(update).isBefore(filedAt.minusHours(2).minusMinutes(1)),
          () -> "older than two hours: " + update);
    }
    // A busy target has more updates in two hours than one answer lists (oldest first, to be
    // continued from the last one): then the answer ends before the new request's update.
    boolean cutOff =
        all.size() >= Target.CUT_OFF_LENGTH
            && all.stream().noneMatch(u -> datetime(u).isAfter(filedAt));
    assertTrue(ids(all).contains(id) || cutOff, "the update of a request filed now");
    for (Map<String, Object> update : all) {
      assertTrue(Doc.text(update, "status").equals(Doc.text(update, "status").toLowerCase()), update::toString);
    }
    Set<String> updateIds = new HashSet<>();
    all.forEach(u -> assertTrue(updateIds.add(Doc.text(u, "update_id")), () -> "repeated " + u));
  }

  @ParameterizedTest(name = "servicerequestupdates{0}?start_date&end_date in 2001 excludes it")
  @EnumSource(Format.class)
  void aWindowInThePastExcludesANewRequestsUpdate(Format f) {
    Support.assumeUpdatesFeed();
    String id = filed(f);

    Params window = Params.of("start_date", "2001-01-01T00:00:00Z", "end_date", "2001-01-02T00:00:00Z");
    assertFalse(ids(list(f, window)).contains(id));
    Params now = Params.of("start_date", Markers.minutesFromNow(-10), "end_date", Markers.minutesFromNow(10));
    assertTrue(ids(list(f, now)).contains(id));
  }

  @ParameterizedTest(name = "servicerequestupdates{0}: bad dates are a 400")
  @EnumSource(Format.class)
  void badDatesAreA400(Format f) {
    Support.assumeUpdatesFeed();

    Checks.error(f, Api.get("servicerequestupdates", f, Params.of("start_date", "yesterday")), 400);
    Checks.error(
        f,
        Api.get(
            "servicerequestupdates",
            f,
            Params.of("start_date", "2024-02-01T00:00:00Z", "end_date", "2024-01-01T00:00:00Z")),
        400);
  }

  @ParameterizedTest(name = "servicerequestupdates{0} never shows the requester's personal data")
  @EnumSource(Format.class)
  void theFeedCarriesNoPersonalData(Format f) {
    Support.assumeUpdatesFeed();
    String email = Markers.unique("feed") + "@example.org";
    String phone = "+1312" + Markers.digits(7);
    String name = Markers.unique("Feedname");
    String id =
        Api.file(
            f,
            ValidPost.form(Catalog.realtime())
                .set("email", email).set("phone", phone).set("first_name", name).set("last_name", name));

    String body = Doc.bodyOf(Api.get("servicerequestupdates", f, Params.of("service_request_id", id)));

    for (String secret : List.of(email, phone, name)) {
      assertFalse(body.contains(secret), () -> "feed shows " + secret);
    }
  }

  private static List<Map<String, Object>> updatesOf(Format f, String id) {
    List<Map<String, Object>> updates = list(f, Params.of("service_request_id", id));
    Target.expect(!updates.isEmpty(), () -> "the target lists no update for a new request");
    return updates;
  }

  private static OffsetDateTime datetime(Map<String, Object> update) {
    return OffsetDateTime.parse(Doc.text(update, "updated_datetime"));
  }

  private static List<String> ids(List<Map<String, Object>> updates) {
    return updates.stream().map(u -> Doc.text(u, "service_request_id")).toList();
  }

  private static List<Map<String, Object>> list(Format f, Params query) {
    return Checks.ok(f, Api.get("servicerequestupdates", f, query)).list("service_request_updates");
  }

  private static synchronized String filed(Format f) {
    return FILED.computeIfAbsent(f, fmt -> Api.file(fmt, ValidPost.form(Catalog.realtime())));
  }
}
