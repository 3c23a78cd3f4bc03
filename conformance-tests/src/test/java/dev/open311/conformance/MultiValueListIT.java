package dev.open311.conformance;

import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Digest §4.2: the three encodings of a multivaluelist answer real clients send. */
class MultiValueListIT {
  enum Encoding {
    BRACKETS((code, i) -> "attribute[" + code + "][]"),
    INDEXED((code, i) -> "attribute[" + code + "][" + i + "]"),
    REPEATED((code, i) -> "attribute[" + code + "]");

    private final BiFunction<String, Integer, String> key;

    Encoding(BiFunction<String, Integer, String> key) {
      this.key = key;
    }
  }

  static Stream<Arguments> formatsAndEncodings() {
    return Stream.of(Format.values())
        .flatMap(f -> Stream.of(Encoding.values()).map(e -> Arguments.of(f, e)));
  }

  @ParameterizedTest(name = "POST requests{0} with {1}")
  @MethodSource("formatsAndEncodings")
  void multivaluelistWithTwoValuesIsAcceptedInEveryEncoding(Format f, Encoding encoding) {
    Catalog.Pick pick =
        Catalog.withAttribute(
            "a multivaluelist attribute with two values",
            a -> "multivaluelist".equals(a.datatype()) && a.keys().size() >= 2);
    Params form = ValidPost.form(pick.service());
    ValidPost.clear(form, pick.attribute());
    List<String> keys = pick.attribute().keys().subList(0, 2);
    for (int i = 0; i < keys.size(); i++) {
      form.add(encoding.key.apply(pick.attribute().code(), i), keys.get(i));
    }

    Checks.accepted(f, Api.post(f, form), pick.service());
  }
}
