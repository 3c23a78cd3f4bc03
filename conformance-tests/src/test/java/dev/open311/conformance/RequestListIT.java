package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Digest §1.5: GET requests.{fmt}, its shape, order, volume rules and empty parameters. */
class RequestListIT {
  /** The fields of digest §1.5, in table order. */
  static final List<String> FIELD_ORDER =
      List.of(
          "service_request_id",
          "status",
          "status_notes",
          "service_name",
          "service_code",
          "description",
          "agency_responsible",
          "service_notice",
          "requested_datetime",
          "updated_datetime",
          "expected_datetime",
          "address",
          "address_id",
          "zipcode",
          "lat",
          "long",
          "media_url");

  static final List<String> REQUIRED =
      List.of("service_request_id", "status", "service_code", "requested_datetime");

  @ParameterizedTest(name = "requests{0}")
  @EnumSource(Format.class)
  void requestsIsAListOfRequestsWithOnlySpecFields(Format f) {
    Api.file(f, ValidPost.form(Catalog.realtime()));

    List<Map<String, Object>> requests =
        Checks.ok(f, Api.get("requests", f)).list("service_requests");

    assertFalse(requests.isEmpty(), "a request filed now must be inside the default 90-day window");
    for (Map<String, Object> request : requests) {
      Checks.allowedFields(request, FIELD_ORDER, "GET requests" + f);
      for (String field : REQUIRED) {
        assertNotNull(Doc.text(request, field), () -> field + " missing in " + request);
      }
      assertTrue(
          Set.of("open", "closed").contains(Doc.text(request, "status")),
          () -> "status: " + request);
      Checks.datetimes(request);
    }
  }

  @Test
  void xmlRequestFieldsFollowTheSpecOrder() {
    Api.file(Format.XML, ValidPost.form(Catalog.realtime()));

    for (Map<String, Object> r :
        Checks.ok(Format.XML, Api.get("requests", Format.XML)).list("service_requests")) {
      Checks.fieldOrder(r.keySet(), FIELD_ORDER);
    }
  }

  @ParameterizedTest(name = "requests{0}")
  @EnumSource(Format.class)
  void newestRequestedDatetimeComesFirst(Format f) {
    Api.file(f, ValidPost.form(Catalog.realtime()));

    List<Map<String, Object>> requests =
        Checks.ok(f, Api.get("requests", f)).list("service_requests");

    for (int i = 1; i < requests.size(); i++) {
      OffsetDateTime before =
          OffsetDateTime.parse(Doc.text(requests.get(i - 1), "requested_datetime"));
      OffsetDateTime after = OffsetDateTime.parse(Doc.text(requests.get(i), "requested_datetime"));
      int position = i;
      assertFalse(
          after.isAfter(before),
          () -> "item " + position + " is newer than item " + (position - 1));
    }
  }

  @ParameterizedTest(name = "requests{0}")
  @EnumSource(Format.class)
  void aListHoldsAtMost1000Requests(Format f) {
    Params lastEightyNineDays = Params.of("start_date", Markers.minutesFromNow(-89L * 24 * 60));

    assertTrue(Checks.ok(f, Api.get("requests", f)).list("service_requests").size() <= 1000);
    assertTrue(
        Checks.ok(f, Api.get("requests", f, lastEightyNineDays)).list("service_requests").size()
            <= 1000);
  }

  @ParameterizedTest(name = "requests{0}")
  @EnumSource(Format.class)
  void rangeLongerThan90DaysIsAnsweredNotRefused(Format f) {
    Params range =
        Params.of("start_date", "2001-01-01T00:00:00Z", "end_date", Markers.minutesFromNow(60));

    List<Map<String, Object>> requests =
        Checks.ok(f, Api.get("requests", f, range)).list("service_requests");

    assertTrue(requests.size() <= 1000, "at most 1000 requests");
  }

  @ParameterizedTest(name = "requests{0}?status=&...")
  @EnumSource(Format.class)
  void emptyOptionalParametersBehaveAsAbsent(Format f) {
    String id = Api.file(f, ValidPost.form(Catalog.realtime()));
    Params empty =
        Params.of(
            "status",
            "",
            "service_code",
            "",
            "start_date",
            "",
            "end_date",
            "",
            "service_request_id",
            "");
    if (Target.get().jurisdictionId == null) {
      empty.set("jurisdiction_id", "");
    }

    List<Map<String, Object>> requests =
        Checks.ok(f, Api.get("requests", f, empty)).list("service_requests");
    List<Map<String, Object>> services =
        Checks.ok(
                f,
                Api.get(
                    "services",
                    f,
                    empty
                        .copy()
                        .remove(
                            "status",
                            "service_code",
                            "start_date",
                            "end_date",
                            "service_request_id")))
            .list("services");

    assertTrue(
        Doc.ids(requests).contains(id), () -> "request " + id + " missing with empty parameters");
    assertFalse(services.isEmpty(), "services with an empty jurisdiction_id");
  }
}
