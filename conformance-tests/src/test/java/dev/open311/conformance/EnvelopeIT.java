package dev.open311.conformance;

import io.restassured.response.Response;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Digest §0 content types and XML declaration, checked on every endpoint: {@code text/xml} and
 * {@code application/json} (charset utf-8 allowed), XML starting with {@code <?xml ...
 * encoding="utf-8"?>}.
 */
class EnvelopeIT {
  enum Endpoint {
    DISCOVERY(Api::discovery),
    SERVICES(f -> Api.get("services", f)),
    DEFINITION(f -> Api.get("services/{code}", f, new Params(), Catalog.services().get(0).code())),
    POST(f -> Api.post(f, ValidPost.form(Catalog.realtime()))),
    REQUESTS(f -> Api.get("requests", f)),
    REQUEST(
        f ->
            Api.get(
                "requests/{id}", f, new Params(), Api.file(f, ValidPost.form(Catalog.realtime())))),
    TOKEN(EnvelopeIT::token),
    ERROR(f -> Api.get("requests/{id}", f, new Params(), Markers.unique("nosuch")));

    private final Function<Format, Response> call;

    Endpoint(Function<Format, Response> call) {
      this.call = call;
    }
  }

  static Stream<Arguments> formatsAndEndpoints() {
    return Stream.of(Format.values())
        .flatMap(f -> Stream.of(Endpoint.values()).map(e -> Arguments.of(f, e)));
  }

  @ParameterizedTest(name = "{1}{0}")
  @MethodSource("formatsAndEndpoints")
  void everyResponseCarriesTheSpecContentType(Format f, Endpoint endpoint) {
    Checks.contentType(f, endpoint.call.apply(f));
  }

  @ParameterizedTest(name = "{0}.xml")
  @EnumSource(Endpoint.class)
  void everyXmlResponseStartsWithADeclarationNamingUtf8(Endpoint endpoint) {
    Checks.xmlDeclaration(Doc.bodyOf(endpoint.call.apply(Format.XML)));
  }

  private static Response token(Format f) {
    Catalog.Service batch = Catalog.batch();
    Response post = Api.post(f, ValidPost.form(batch));
    String token = Doc.text(Checks.accepted(f, post, batch), "token");
    return Api.get("tokens/{token}", f, new Params(), token);
  }
}
