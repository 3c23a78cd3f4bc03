package dev.open311.spec.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every representation serialised to JSON and XML and compared byte for byte with a fixture in
 * src/test/resources/golden. Run with -Dgolden.update=true to rewrite the fixtures after a
 * deliberate change, then review the diff.
 */
class GoldenFilesTest {

  private static final ObjectMapper JSON = Open311Mappers.json();
  private static final XmlMapper XML = Open311Mappers.xml();

  static Stream<String> names() {
    return Documents.all().keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("names")
  void jsonMatchesGoldenFile(String name) throws IOException {
    String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Documents.all().get(name));
    assertGolden(name + ".json", json + "\n");
  }

  @ParameterizedTest
  @MethodSource("names")
  void xmlMatchesGoldenFile(String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Open311Mappers.writeXml(XML, Documents.all().get(name), out);
    assertGolden(name + ".xml", out.toString(StandardCharsets.UTF_8) + "\n");
  }

  private static void assertGolden(String file, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Path path = Path.of("src/test/resources/golden", file);
      Files.writeString(path, actual);
      return;
    }
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + file)) {
      assertNotNull(in, "missing golden file " + file + " (run with -Dgolden.update=true)");
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, file);
    }
  }
}
