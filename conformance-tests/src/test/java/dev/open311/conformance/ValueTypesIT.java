package dev.open311.conformance;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Digest §0 value types: ids and codes are strings, metadata/variable/required booleans, order an
 * integer, lat/long and error codes numbers. XML is checked for the matching lexical forms.
 */
class ValueTypesIT {
  @ParameterizedTest(name = "services{0}")
  @EnumSource(Format.class)
  void serviceCodeIsAStringAndMetadataABoolean(Format f) {
    for (Map<String, Object> s : Checks.ok(f, Api.get("services", f)).list("services")) {
      Types.string(f, s.get("service_code"), "service_code");
      Types.bool(f, s.get("metadata"), "metadata");
    }
  }

  @ParameterizedTest(name = "services/CODE{0}")
  @EnumSource(Format.class)
  void attributeCodeIsAStringFlagsAreBooleansAndOrderAnInteger(Format f) {
    Catalog.Service service = Catalog.withMetadata(true);
    Doc doc = Checks.ok(f, Api.get("services/{code}", f, new Params(), service.code()));
    Map<String, Object> definition = doc.object("service_definition");

    Types.string(f, definition.get("service_code"), "service_code");
    for (Map<String, Object> a : Doc.listField(definition, "attributes")) {
      Types.string(f, a.get("code"), "code");
      Types.bool(f, a.get("variable"), "variable");
      Types.bool(f, a.get("required"), "required");
      Types.integer(f, a.get("order"), "order");
      for (Map<String, Object> v : Doc.listField(a, "values")) {
        Types.string(f, v.get("key"), "key");
      }
    }
  }

  @ParameterizedTest(name = "POST requests{0}")
  @EnumSource(Format.class)
  void postAnswersServiceRequestIdAsAString(Format f) {
    Catalog.Service service = Catalog.realtime();

    Map<String, Object> answer = Checks.accepted(f, Api.post(f, ValidPost.form(service)), service);

    Types.string(f, answer.get("service_request_id"), "service_request_id");
  }

  @ParameterizedTest(name = "POST requests{0} (batch)")
  @EnumSource(Format.class)
  void postToABatchServiceAnswersTokenAsAString(Format f) {
    Catalog.Service service = Catalog.batch();

    Map<String, Object> answer = Checks.accepted(f, Api.post(f, ValidPost.form(service)), service);

    Types.string(f, answer.get("token"), "token");
  }

  @ParameterizedTest(name = "requests/ID{0}")
  @EnumSource(Format.class)
  void requestIdsAndCodesAreStringsAndCoordinatesNumbers(Format f) {
    Map<String, Object> request = Api.fetch(f, Api.file(f, ValidPost.form(Catalog.realtime())));

    Types.string(f, request.get("service_request_id"), "service_request_id");
    Types.string(f, request.get("service_code"), "service_code");
    Types.number(f, request.get("lat"), "lat");
    Types.number(f, request.get("long"), "long");
  }

  @ParameterizedTest(name = "requests/UNKNOWN{0}")
  @EnumSource(Format.class)
  void errorCodeIsANumber(Format f) {
    Doc doc = Doc.of(f, Api.get("requests/{id}", f, new Params(), Markers.unique("nosuch")));

    for (Map<String, Object> error : doc.list("errors")) {
      Types.integer(f, error.get("code"), "error code");
    }
  }
}
