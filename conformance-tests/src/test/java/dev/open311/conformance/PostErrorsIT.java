package dev.open311.conformance;

import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Digest §2: every way a POST requests.{fmt} can be refused, status and error body. */
class PostErrorsIT {
  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void missingApiKeyIs403(Format f) {
    Params form = ValidPost.form(Catalog.realtime()).remove("api_key");

    Checks.error(f, Api.post(f, form), 403);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void wrongApiKeyIs403(Format f) {
    Params form = ValidPost.form(Catalog.realtime()).set("api_key", Markers.unique("wrong-key"));

    Checks.error(f, Api.post(f, form), 403);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void unknownJurisdictionIs404(Format f) {
    Params form =
        ValidPost.form(Catalog.realtime())
            .set("jurisdiction_id", Markers.unique("nosuch") + ".example");

    Checks.error(f, Api.post(f, form), 404);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void absentServiceCodeIs400(Format f) {
    Params form = ValidPost.form(Catalog.realtime()).remove("service_code");

    Checks.error(f, Api.post(f, form), 400);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void unknownServiceCodeIs404(Format f) {
    Params form = ValidPost.form(Catalog.realtime()).set("service_code", Markers.unique("nosuch"));

    Checks.error(f, Api.post(f, form), 404);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void missingLocationIs400(Format f) {
    Params form = ValidPost.form(Catalog.realtime()).withoutLocation();

    Checks.error(f, Api.post(f, form), 400);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void latWithoutLongIs400(Format f) {
    Params form = ValidPost.form(Catalog.realtime()).remove("long");

    Checks.error(f, Api.post(f, form), 400);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void longWithoutLatIs400(Format f) {
    Params form = ValidPost.form(Catalog.realtime()).remove("lat");

    Checks.error(f, Api.post(f, form), 400);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void latitudeOutOfRangeIs400(Format f) {
    Checks.error(f, Api.post(f, InvalidPost.latitude()), 400);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void longitudeOutOfRangeIs400(Format f) {
    Params form = ValidPost.form(Catalog.realtime()).set("long", "-200");

    Checks.error(f, Api.post(f, form), 400);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void descriptionOf4001CharactersIs400(Format f) {
    Params form = ValidPost.form(Catalog.realtime()).set("description", "x".repeat(4001));

    Checks.error(f, Api.post(f, form), 400);
  }

  /**
   * XML 1.0 cannot carry most control characters, not even as references. A server may refuse
   * them (400) or keep them, but the request must then still read as well-formed XML, alone and in
   * the list: one unreadable request would break every XML list that holds it.
   */
  @ParameterizedTest(name = "POST requests{0} with control characters: a 400, or readable XML")
  @EnumSource(Format.class)
  void controlCharactersAreRefusedOrLeaveTheXmlWellFormed(Format f) {
    for (String text : new String[] {"bell \u0007 here", "nul \u0000 here"}) {
      Params form = ValidPost.form(Catalog.realtime()).set("description", text);

      Response r = Api.post(f, form);

      if (r.statusCode() != 200) {
        Checks.error(f, r, 400);
        continue;
      }
      String id = Doc.text(Checks.ok(f, r).single("service_requests"), "service_request_id");
      if (id != null) {
        Checks.ok(Format.XML, Api.get("requests/{id}", Format.XML, Params.of(), id));
        Checks.ok(Format.XML, Api.get("requests", Format.XML, Params.of("service_request_id", id)));
      }
    }
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void missingRequiredAttributeIs400(Format f) {
    Catalog.Pick pick =
        Catalog.withAttribute("a required attribute", Catalog.Attribute::mustBeFilled);
    Params form = ValidPost.form(pick.service());
    ValidPost.clear(form, pick.attribute());

    Checks.error(f, Api.post(f, form), 400);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void listValueNotAmongTheValuesIs400(Format f) {
    Checks.error(f, Api.post(f, InvalidPost.listValue()), 400);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void nonNumericNumberAttributeIs400(Format f) {
    Catalog.Pick pick =
        Catalog.withAttribute("a number attribute", a -> "number".equals(a.datatype()));
    Params form = ValidPost.form(pick.service());
    ValidPost.clear(form, pick.attribute());
    form.set(ValidPost.key(pick.attribute()), "twelve");

    Checks.error(f, Api.post(f, form), 400);
  }
}
