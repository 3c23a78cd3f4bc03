package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Digest §1.3 and §1.6: POST requests.{fmt}, then reading the request back. */
class PostRequestIT {
  static final List<String> REQUEST_FIELDS = RequestListIT.FIELD_ORDER;

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void postToARealtimeServiceAnswers200WithOneServiceRequestIdAndNoToken(Format f) {
    Catalog.Service service = Catalog.realtime();

    Checks.accepted(f, Api.post(f, ValidPost.form(service)), service);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void postFillingEveryRequiredAttributeOfAMetadataServiceIsAccepted(Format f) {
    Catalog.Service service = Catalog.realtimeWithMetadata();

    Checks.accepted(f, Api.post(f, ValidPost.form(service)), service);
  }

  @ParameterizedTest(name = "GET requests/ID{0}")
  @EnumSource(Format.class)
  void filedRequestIsReturnedByIdAsAOneElementListWithStatusOpen(Format f) {
    Catalog.Service service = Catalog.realtime();
    Params form = ValidPost.form(service);
    String id = Api.file(f, form);

    Map<String, Object> request = Api.fetch(f, id);

    assertEquals(id, Doc.text(request, "service_request_id"));
    assertEquals("open", Doc.text(request, "status"));
    assertEquals(form.first("description"), Doc.text(request, "description"));
    assertEquals(service.code(), Doc.text(request, "service_code"));
    assertNotNull(
        Doc.text(request, "requested_datetime"), () -> "no requested_datetime: " + request);
    Checks.datetimes(request);
    Checks.allowedFields(request, REQUEST_FIELDS, "GET requests/" + id + f);
    if (f == Format.XML) {
      Checks.fieldOrder(request.keySet(), REQUEST_FIELDS);
    }
  }

  @ParameterizedTest(name = "GET requests{0}?service_request_id=ID")
  @EnumSource(Format.class)
  void filedRequestIsFoundThroughTheServiceRequestIdParameter(Format f) {
    String id = Api.file(f, ValidPost.form(Catalog.realtime()));

    Doc doc = Checks.ok(f, Api.get("requests", f, Params.of("service_request_id", id)));

    assertEquals(List.of(id), Doc.ids(doc.list("service_requests")));
  }

  @ParameterizedTest(name = "POST requests{0}?api_key=...")
  @EnumSource(Format.class)
  void parametersInTheQueryStringWithAnEmptyBodyAreAccepted(Format f) {
    Catalog.Service service = Catalog.realtime();
    Params params = ValidPost.form(service);

    Map<String, Object> answer = Checks.accepted(f, Api.postInQuery(f, params), service);

    Map<String, Object> request = Api.fetch(f, Doc.text(answer, "service_request_id"));
    assertEquals(params.first("description"), Doc.text(request, "description"));
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void descriptionOutsideAsciiRoundTripsAsUtf8(Format f) {
    Params form = ValidPost.form(Catalog.realtime());
    String description = Markers.unique("Straße überflutet — 水 ✓");
    form.set("description", description);

    String id = Api.file(f, form);

    assertEquals(description, Doc.text(Api.fetch(f, id), "description"));
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void descriptionOf4000CharactersIsAccepted(Format f) {
    Params form = ValidPost.form(Catalog.realtime());
    String description = form.first("description");
    form.set("description", description + "x".repeat(4000 - description.length()));

    String id = Api.file(f, form);

    assertEquals(4000, Doc.text(Api.fetch(f, id), "description").length());
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void addressStringAloneIsAnAcceptedLocation(Format f) {
    Catalog.Service service = Catalog.realtime();

    Checks.accepted(f, Api.post(f, ValidPost.withAddressString(ValidPost.form(service))), service);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void addressIdAloneIsAnAcceptedLocation(Format f) {
    Catalog.Service service = Catalog.realtime();

    Checks.accepted(f, Api.post(f, ValidPost.withAddressId(ValidPost.form(service))), service);
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void latAndLongComeBackNumericallyEqual(Format f) {
    Params form = ValidPost.form(Catalog.realtime());

    Map<String, Object> request = Api.fetch(f, Api.file(f, form));

    for (String field : List.of("lat", "long")) {
      assertNotNull(request.get(field), () -> field + " missing in " + request);
      Types.number(f, request.get(field), field);
      double sent = Double.parseDouble(form.first(field));
      double got = Types.decimal(request.get(field)).doubleValue();
      assertTrue(Math.abs(sent - got) < 1e-6, () -> field + " sent " + sent + ", got " + got);
    }
  }
}
