package dev.open311.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What our server does on the wire beyond the black-box suite: headers, encodings, edge paths. */
class HttpDetailsIT {

  static LocalServer server;
  static String key;

  @BeforeAll
  static void start() {
    ExternalTestDatabase.reset();
    server = LocalServer.start();
    key = server.createApiKey("http-details");
    RestAssured.baseURI = server.baseUrl();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void xmlStartsWithADoubleQuotedUtf8DeclarationAndSaysCharset() {
    given().get("services.xml").then()
        .statusCode(200)
        .contentType("text/xml; charset=utf-8")
        .body(startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    given().get("services.json").then().statusCode(200).contentType("application/json; charset=utf-8");
  }

  @Test
  void demoCatalogIsServedForChicago() {
    given().get("services.json").then()
        .body("service_code", hasItem("SGA"))
        .body("find { it.service_code == 'BBA' }.type", equalTo("batch"));
    given().queryParam("jurisdiction_id", "cityofchicago.org").get("services.json").then().statusCode(200);
  }

  @Test
  void duplicateSlashesFromClientsThatForceATrailingSlashAreFolded() {
    given().urlEncodingEnabled(false).get(server.baseUrl() + "/services.json").then().statusCode(200);
  }

  @Test
  void errorsJettyAnswersItselfAreOpen311XmlNotHtml() {
    given().urlEncodingEnabled(false).get(server.baseUrl() + "%2F%2Fservices.json").then()
        .statusCode(400)
        .contentType("text/xml; charset=utf-8")
        .body(containsString("<errors><error><code>400</code>"));
  }

  @Test
  void oversizedHeadersAreAnOpen311ErrorNotAnHtmlPage() {
    given().header("X-Big", "a".repeat(20_000)).get("services.json").then()
        .statusCode(431)
        .contentType("text/xml; charset=utf-8")
        .body(containsString("<code>431</code>"));
  }

  @Test
  void serviceCodesWithDotsSplitTheFormatOffAtTheLastDot() {
    given().get("services/NO.SUCH.json").then()
        .statusCode(404)
        .contentType(containsString("application/json"))
        .body("[0].description", containsString("NO.SUCH"));
  }

  @Test
  void wrongMethodAnswers405WithAllowAndAnErrorInTheRequestedFormat() {
    given().delete("services.json").then()
        .statusCode(405)
        .header("Allow", containsString("GET"))
        .body("[0].code", equalTo(405));
  }

  @Test
  void corsPreflightIsAnswered() {
    given().header("Origin", "https://app.example").header("Access-Control-Request-Method", "POST")
        .options("requests.json").then()
        .header("Access-Control-Allow-Origin", "*")
        .header("Access-Control-Allow-Methods", containsString("POST"));
  }

  @Test
  void malformedFormEncodingIsA400NotA500() {
    given().contentType("application/x-www-form-urlencoded")
        .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig().encodeContentTypeAs("application/x-www-form-urlencoded", io.restassured.http.ContentType.TEXT)))
        .body("api_key=" + key + "&service_code=PHF&description=%zz")
        .post("requests.xml").then()
        .statusCode(400)
        .body(containsString("<errors>"));
  }

  @Test
  void aBodyLargerThanOneMebibyteIsA413InTheRequestedFormat() {
    String body = "api_key=" + key + "&service_code=SDW&address_string=x&description="
        + "a".repeat(2 << 20);
    given().contentType("application/x-www-form-urlencoded").body(body)
        .post("requests.json").then()
        .statusCode(413)
        .contentType(containsString("application/json"))
        .body("[0].code", equalTo(413))
        .body("[0].description", equalTo("the request body is larger than 1 MiB"));
    given().contentType("application/x-www-form-urlencoded").body(body)
        .post("requests.xml").then()
        .statusCode(413)
        .contentType("text/xml; charset=utf-8")
        .body("errors.error.code", equalTo("413"));
  }

  @Test
  void multipartIsRefusedWithAClearMessage() {
    given().multiPart("api_key", key).multiPart("service_code", "SDW").multiPart("address_string", "x")
        .post("requests.json").then()
        .statusCode(400)
        .body("[0].description", containsString("x-www-form-urlencoded"));
  }

  @Test
  void bearerTokenIsAcceptedAsTheApiKey() {
    given().header("Authorization", "Bearer " + key)
        .formParam("service_code", "SDW").formParam("address_string", "100 W Randolph St")
        .post("requests.json").then()
        .statusCode(200)
        .body("[0].service_request_id", not(equalTo(null)));
  }

  @Test
  void revokedKeysAreRefused() {
    String name = "revoked-" + System.nanoTime();
    String revoked = server.server().storage().apiKeys().create(name);
    server.server().storage().apiKeys().revoke(name);
    given().formParam("api_key", revoked).formParam("service_code", "SDW").formParam("address_string", "x")
        .post("requests.json").then().statusCode(403);
  }

  @Test
  void theOpenApiDescriptionIsServed() {
    given().get("openapi.json").then()
        .statusCode(200)
        .body("openapi", equalTo("3.1.0"))
        .body("paths.keySet()", hasItem("/open311/v2/requests.{format}"));
  }

  @Test
  void discoveryPointsAtThisServer() {
    given().get("discovery.json").then()
        .body("endpoints[0].url", equalTo(server.baseUrl().replaceAll("/$", "")))
        .body("endpoints[0].type", equalTo("test"));
  }
}
