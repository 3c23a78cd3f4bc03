package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A refused POST must leave nothing behind: its description never shows up in GET requests. */
class NoHalfWrittenRowsIT {
  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void postRefusedForAnInvalidListValueLeavesNoRequest(Format f) {
    assertRefusedWithoutTrace(f, InvalidPost.listValue());
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void postRefusedForAnInvalidLatitudeLeavesNoRequest(Format f) {
    assertRefusedWithoutTrace(f, InvalidPost.latitude());
  }

  private static void assertRefusedWithoutTrace(Format f, Params form) {
    String marker = Markers.unique("refused");
    form.set("description", marker);
    String since = Markers.minutesFromNow(-5);

    Checks.error(f, Api.post(f, form), 400);

    Params recent = Params.of("service_code", form.first("service_code"), "start_date", since);
    Doc filtered = Checks.ok(f, Api.get("requests", f, recent));
    filtered.list("service_requests");
    assertFalse(
        filtered.body.contains(marker), () -> "refused request was stored: " + filtered.body);
    Doc all = Checks.ok(f, Api.get("requests", f));
    assertFalse(all.body.contains(marker), "refused request was stored");
  }
}
