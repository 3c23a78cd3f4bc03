package dev.open311.spec.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * JSON field names equal XML element names: the XML-only names are the list containers' roots
 * and their singular item elements, which the Spark convention drops from JSON.
 */
class FieldNameParityTest {

  private static final Set<String> XML_ONLY =
      Set.of(
          "services", "service", "service_requests", "request", "errors", "error", "discovery",
          "service_definition", "attribute", "value", "endpoint", "format", "note",
          "service_request_updates", "request_update");

  static Stream<String> names() {
    return Documents.all().keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("names")
  void jsonFieldNamesEqualXmlElementNames(String name) throws Exception {
    Object document = Documents.all().get(name);
    Set<String> jsonNames = new TreeSet<>();
    collect(new ObjectMapper().readTree(Open311Mappers.json().writeValueAsString(document)), jsonNames);
    Set<String> xmlNames = new TreeSet<>();
    collect(parse(document).getDocumentElement(), xmlNames);
    xmlNames.removeAll(XML_ONLY);
    assertEquals(xmlNames, jsonNames, name);
  }

  private static org.w3c.dom.Document parse(Object document) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Open311Mappers.writeXml(Open311Mappers.xml(), document, out);
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(out.toByteArray()));
  }

  private static void collect(JsonNode node, Set<String> names) {
    if (node.isArray()) {
      node.forEach(child -> collect(child, names));
    } else if (node.isObject()) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        names.add(field);
        collect(node.get(field), names);
      }
    }
  }

  private static void collect(Element element, Set<String> names) {
    names.add(element.getTagName());
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        collect(e, names);
      }
    }
  }

}
