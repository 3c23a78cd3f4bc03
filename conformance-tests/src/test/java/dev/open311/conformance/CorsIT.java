package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Digest §6.6 (FMS practice, our STYLE): public reads carry Access-Control-Allow-Origin: *. */
class CorsIT {
  private static final String ORIGIN = "https://conformance.example.org";

  @ParameterizedTest(name = "services{0}")
  @EnumSource(Format.class)
  void serviceListAllowsEveryOrigin(Format f) {
    assertAllowsEveryOrigin(f, "services");
  }

  @ParameterizedTest(name = "requests{0}")
  @EnumSource(Format.class)
  void requestListAllowsEveryOrigin(Format f) {
    assertAllowsEveryOrigin(f, "requests");
  }

  private static void assertAllowsEveryOrigin(Format f, String resource) {
    RequestSpecification spec = Api.given().header("Origin", ORIGIN);
    new Params().withJurisdiction().asMap().forEach(spec::queryParam);
    Response r = spec.get(Target.get().baseUrl + resource + f.suffix);

    assertEquals(200, r.statusCode(), () -> Api.describe(r));
    assertEquals(
        "*", r.header("Access-Control-Allow-Origin"), () -> "CORS header on " + resource + f);
  }
}
