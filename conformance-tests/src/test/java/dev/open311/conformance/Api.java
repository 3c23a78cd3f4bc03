package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** HTTP calls against the {@link Target}, one method per way the suite talks to a server. */
final class Api {
  static final String FORM_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

  private static final RestAssuredConfig CONFIG =
      RestAssuredConfig.config()
          .encoderConfig(
              EncoderConfig.encoderConfig()
                  .defaultContentCharset(StandardCharsets.UTF_8)
                  .defaultQueryParameterCharset(StandardCharsets.UTF_8))
          .redirect(RedirectConfig.redirectConfig().followRedirects(false))
          .httpClient(
              HttpClientConfig.httpClientConfig()
                  .setParam("http.connection.timeout", 10_000)
                  .setParam("http.socket.timeout", 60_000));

  private Api() {}

  static RequestSpecification given() {
    return RestAssured.given().config(CONFIG);
  }

  /** GET {base}{resource}{suffix}; {@code {x}} placeholders in resource take pathValues. */
  static Response get(String resource, Format f, Params query, Object... pathValues) {
    return call(Method.GET, Target.get().baseUrl + resource + f.suffix, query, pathValues);
  }

  static Response get(String resource, Format f) {
    return get(resource, f, new Params());
  }

  /** Any method on a path below the base URL, given literally (suffix included or not). */
  static Response call(Method method, String url, Params query, Object... pathValues) {
    RequestSpecification spec = given();
    query(spec, query.withJurisdiction());
    return spec.request(method, url, pathValues);
  }

  static Response discovery(Format f) {
    return given().get(Target.get().discoveryUrl + f.suffix);
  }

  /** POST requests{suffix} with a form-encoded body. */
  static Response post(Format f, Params form) {
    RequestSpecification spec = given().contentType(FORM_TYPE);
    for (Map.Entry<String, List<String>> e : form.withJurisdiction().asMap().entrySet()) {
      spec.formParam(e.getKey(), e.getValue());
    }
    return spec.post(Target.get().baseUrl + "requests" + f.suffix);
  }

  /** POST requests{suffix} with every parameter in the query string and an empty body. */
  static Response postInQuery(Format f, Params params) {
    RequestSpecification spec = given();
    query(spec, params.withJurisdiction());
    return spec.post(Target.get().baseUrl + "requests" + f.suffix);
  }

  /** Files a request that must succeed with a service_request_id, and returns that id. */
  static String file(Format f, Params form) {
    Response r = post(f, form);
    assertEquals(200, r.statusCode(), () -> "POST requests" + f.suffix + " " + describe(r));
    Map<String, Object> item = Doc.of(f, r).single("service_requests");
    String id = Doc.text(item, "service_request_id");
    assertNotNull(id, () -> "no service_request_id in " + describe(r));
    return id;
  }

  /** The single request document GET requests/{id}{suffix}, asserted to answer 200. */
  static Map<String, Object> fetch(Format f, String id) {
    Response r = get("requests/{id}", f, new Params(), id);
    assertEquals(200, r.statusCode(), () -> "GET requests/" + id + f.suffix + " " + describe(r));
    return Doc.of(f, r).single("service_requests");
  }

  static String describe(Response r) {
    return "answered " + r.statusCode() + " " + r.contentType() + ": " + Doc.bodyOf(r);
  }

  private static void query(RequestSpecification spec, Params params) {
    for (Map.Entry<String, List<String>> e : params.asMap().entrySet()) {
      spec.queryParam(e.getKey(), e.getValue());
    }
  }
}
