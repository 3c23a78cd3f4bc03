package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Digest §4.1: datetimes rendered with seconds and a zone; the input forms to accept. */
class DatesIT {
  /** Yesterday, so no form spans more than 90 days up to now. */
  private static final OffsetDateTime YESTERDAY =
      OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0);

  static Stream<Arguments> acceptedStartDates() {
    String utc = Markers.w3c(YESTERDAY);
    String offset = Markers.w3c(YESTERDAY.withOffsetSameInstant(ZoneOffset.ofHours(-5)));
    String fraction = utc.replace("Z", ".123Z");
    String dateOnly = YESTERDAY.toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
    return formats(Stream.of(utc, offset, fraction, dateOnly));
  }

  static Stream<Arguments> malformedDates() {
    return Stream.of(Format.values())
        .flatMap(
            f ->
                Stream.of("start_date", "end_date")
                    .flatMap(
                        p -> Stream.of("yesterday", "2024-13-45").map(v -> Arguments.of(f, p, v))));
  }

  @ParameterizedTest(name = "requests{0}")
  @EnumSource(Format.class)
  void everyDatetimeInARequestListHasSecondsAndAZone(Format f) {
    Api.file(f, ValidPost.form(Catalog.realtime()));

    for (Map<String, Object> request :
        Checks.ok(f, Api.get("requests", f)).list("service_requests")) {
      Checks.datetimes(request);
    }
  }

  @ParameterizedTest(name = "requests/ID{0}")
  @EnumSource(Format.class)
  void everyDatetimeInASingleRequestHasSecondsAndAZone(Format f) {
    Map<String, Object> request = Api.fetch(f, Api.file(f, ValidPost.form(Catalog.realtime())));

    assertNotNull(Doc.text(request, "requested_datetime"));
    Checks.datetimes(request);
  }

  @ParameterizedTest(name = "requests{0}?start_date={1}")
  @MethodSource("acceptedStartDates")
  void startDateIsAcceptedInW3cOffsetFractionAndDateOnlyForms(Format f, String startDate) {
    Checks.ok(f, Api.get("requests", f, Params.of("start_date", startDate)))
        .list("service_requests");
  }

  @ParameterizedTest(name = "requests{0}?{1}={2}")
  @MethodSource("malformedDates")
  void malformedDateIs400WithAnErrorBodyInTheRequestedFormat(Format f, String param, String value) {
    Checks.error(f, Api.get("requests", f, Params.of(param, value)), 400);
  }

  private static Stream<Arguments> formats(Stream<String> values) {
    return values.flatMap(v -> Stream.of(Format.values()).map(f -> Arguments.of(f, v)));
  }
}
