package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Digest §1.4 and §4.4: batch services answer a token, resolved through tokens/{token}. */
class TokenIT {
  private static final long POLL_MILLIS = 5_000;

  @ParameterizedTest(name = "POST requests{0} (batch)")
  @EnumSource(Format.class)
  void postToABatchServiceAnswersATokenAndNoServiceRequestId(Format f) {
    Catalog.Service batch = Catalog.batch();

    Checks.accepted(f, Api.post(f, ValidPost.form(batch)), batch);
  }

  @ParameterizedTest(name = "GET tokens/TOKEN{0}")
  @EnumSource(Format.class)
  void tokenLookupEchoesTheTokenAndLeadsToTheRequestOnceAssigned(Format f)
      throws InterruptedException {
    Catalog.Service batch = Catalog.batch();
    Params form = ValidPost.form(batch);
    String token = Doc.text(Checks.accepted(f, Api.post(f, form), batch), "token");

    String id = null;
    long deadline = System.currentTimeMillis() + POLL_MILLIS;
    do {
      Response r = Api.get("tokens/{token}", f, new Params(), token);
      Map<String, Object> item = Checks.ok(f, r).single("service_requests");
      assertEquals(token, Doc.text(item, "token"), () -> "token not echoed: " + Api.describe(r));
      id = Doc.text(item, "service_request_id");
      if (id == null) {
        Thread.sleep(250);
      }
    } while (id == null && System.currentTimeMillis() < deadline);

    // A pending token without an id is allowed (digest §5 row 18); an assigned id must resolve.
    if (id != null) {
      Map<String, Object> request = Api.fetch(f, id);
      assertEquals(batch.code(), Doc.text(request, "service_code"));
      assertEquals(form.first("description"), Doc.text(request, "description"));
    }
  }

  @ParameterizedTest(name = "GET tokens/UNKNOWN{0}")
  @EnumSource(Format.class)
  void unknownTokenIs404WithAnErrorBody(Format f) {
    Checks.error(f, Api.get("tokens/{token}", f, new Params(), Markers.unique("nosuch")), 404);
  }
}
