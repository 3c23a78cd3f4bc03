package dev.open311.spec.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.open311.spec.format.Open311Mappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/** Reads and writes catalog files; the format follows the file name (.yaml/.yml or JSON). */
public final class CatalogFiles {

  private CatalogFiles() {}

  /**
   * Reads and checks a catalog.
   *
   * @throws InvalidCatalogException naming every problem, when it cannot be loaded
   */
  public static CatalogDocument read(InputStream in, String fileName) throws IOException {
    CatalogDocument document;
    try {
      document = mapper(fileName).readValue(in, CatalogDocument.class);
    } catch (JsonProcessingException e) {
      throw new InvalidCatalogException(
          java.util.List.of(fileName + " is not a valid catalog: " + e.getOriginalMessage()));
    }
    if (document == null) {
      // a JSON null or an empty YAML document reads as null
      throw new InvalidCatalogException(
          java.util.List.of(fileName + " is not a valid catalog: it holds no document"));
    }
    var problems = document.problems();
    if (!problems.isEmpty()) {
      throw new InvalidCatalogException(problems);
    }
    return document;
  }

  public static void write(CatalogDocument document, OutputStream out, String fileName)
      throws IOException {
    mapper(fileName).enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, document);
  }

  private static ObjectMapper mapper(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml")
        ? Open311Mappers.yaml()
        : Open311Mappers.json();
  }

  /** A catalog file that cannot be loaded, with every reason. */
  public static final class InvalidCatalogException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final java.util.List<String> problems;

    public InvalidCatalogException(java.util.List<String> problems) {
      super(String.join("\n", problems));
      this.problems = java.util.List.copyOf(problems);
    }

    public java.util.List<String> problems() {
      return problems;
    }
  }
}
