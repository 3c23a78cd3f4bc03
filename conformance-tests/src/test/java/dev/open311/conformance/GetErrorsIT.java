package dev.open311.conformance;

import io.restassured.http.Method;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Digest §2 for reads, unknown paths, suffixes and methods: status and error body. */
class GetErrorsIT {
  @ParameterizedTest(name = "services{0}?jurisdiction_id=UNKNOWN")
  @EnumSource(Format.class)
  void unknownJurisdictionOnTheServiceListIs404(Format f) {
    Checks.error(f, Api.get("services", f, unknownJurisdiction()), 404);
  }

  @ParameterizedTest(name = "services/CODE{0}?jurisdiction_id=UNKNOWN")
  @EnumSource(Format.class)
  void unknownJurisdictionOnAServiceDefinitionIs404(Format f) {
    String code = Catalog.services().get(0).code();

    Checks.error(f, Api.get("services/{code}", f, unknownJurisdiction(), code), 404);
  }

  @ParameterizedTest(name = "requests{0}?jurisdiction_id=UNKNOWN")
  @EnumSource(Format.class)
  void unknownJurisdictionOnTheRequestListIs404(Format f) {
    Checks.error(f, Api.get("requests", f, unknownJurisdiction()), 404);
  }

  @ParameterizedTest(name = "requests{0}?status=UNKNOWN")
  @EnumSource(Format.class)
  void unknownStatusValueIs400(Format f) {
    Checks.error(f, Api.get("requests", f, Params.of("status", "nosuchstatus")), 400);
  }

  @ParameterizedTest(name = "requests/UNKNOWN{0}")
  @EnumSource(Format.class)
  void unknownServiceRequestIdIs404(Format f) {
    Checks.error(f, Api.get("requests/{id}", f, new Params(), Markers.unique("nosuch")), 404);
  }

  @ParameterizedTest(name = "nosuch{0}")
  @EnumSource(Format.class)
  void unknownPathIs404WithAnErrorBodyInTheRequestedFormat(Format f) {
    Checks.error(f, Api.get("nosuch", f), 404);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"services.html", "services.txt", "services"})
  void unknownOrMissingSuffixIsRefusedWithAnXmlErrorBody(String path) {
    Checks.error(
        Format.XML, Api.call(Method.GET, Target.get().baseUrl + path, new Params()), 404, 400);
  }

  @ParameterizedTest(name = "DELETE services{0}")
  @EnumSource(Format.class)
  void deleteOnTheServiceListIs405WithAnErrorBody(Format f) {
    Checks.error(
        f,
        Api.call(Method.DELETE, Target.get().baseUrl + "services" + f.suffix, new Params()),
        405);
  }

  @ParameterizedTest(name = "PUT requests{0}")
  @EnumSource(Format.class)
  void putOnTheRequestListIs405WithAnErrorBody(Format f) {
    Checks.error(
        f, Api.call(Method.PUT, Target.get().baseUrl + "requests" + f.suffix, new Params()), 405);
  }

  private static Params unknownJurisdiction() {
    return Params.of("jurisdiction_id", Markers.unique("nosuch") + ".example");
  }
}
