package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;

/**
 * A response body read into plain maps and lists, the same way for both formats: JSON as parsed,
 * XML by the "Spark convention" of the digest (root dropped, known containers become lists; see
 * {@link XmlTree}). Assertions on the shape specific to one format happen here.
 */
final class Doc {
  private static final JsonPathConfig JSON_CONFIG =
      JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

  final Format format;
  final String body;
  final Object tree;

  /** The XML root element name, null for JSON. */
  final String xmlRoot;

  /** The parsed XML document, null for JSON. */
  final Document xml;

  private Doc(Format format, String body, Object tree, String xmlRoot, Document xml) {
    this.format = format;
    this.body = body;
    this.tree = tree;
    this.xmlRoot = xmlRoot;
    this.xml = xml;
  }

  static Doc of(Format f, Response r) {
    String body = bodyOf(r);
    if (f == Format.JSON) {
      Object tree;
      try {
        tree = new JsonPath(body).using(JSON_CONFIG).get("$");
      } catch (RuntimeException e) {
        throw new AssertionError("body is not JSON: " + body, e);
      }
      return new Doc(f, body, tree, null, null);
    }
    Document dom = XmlTree.parse(r.asByteArray(), body);
    String root = dom.getDocumentElement().getTagName();
    return new Doc(f, body, XmlTree.convert(dom.getDocumentElement()), root, dom);
  }

  static String bodyOf(Response r) {
    return new String(r.asByteArray(), StandardCharsets.UTF_8);
  }

  /** A list document: a top-level JSON array, or XML root {@code xmlRoot} of repeated items. */
  List<Map<String, Object>> list(String xmlRoot) {
    if (format == Format.XML) {
      assertEquals(xmlRoot, this.xmlRoot, () -> "XML root element of " + body);
    }
    assertTrue(tree instanceof List, () -> "expected a top-level " + what("list") + ": " + body);
    List<Map<String, Object>> items = new ArrayList<>();
    for (Object o : (List<?>) tree) {
      items.add(asMap(o, body));
    }
    return items;
  }

  /** A list document holding exactly one item, which is returned. */
  Map<String, Object> single(String xmlRoot) {
    List<Map<String, Object>> items = list(xmlRoot);
    assertEquals(1, items.size(), () -> "expected exactly one item in " + body);
    return items.get(0);
  }

  /** An object document: a top-level JSON object, or XML root {@code xmlRoot}. */
  Map<String, Object> object(String xmlRoot) {
    if (format == Format.XML) {
      assertEquals(xmlRoot, this.xmlRoot, () -> "XML root element of " + body);
    }
    assertTrue(tree instanceof Map, () -> "expected a top-level " + what("object") + ": " + body);
    return asMap(tree, body);
  }

  /** Number of XML nodes an XPath expression selects; only for XML documents. */
  int xpathCount(String expression) {
    return XmlTree.count(xml, expression);
  }

  /** The value as a string, or null when the field is absent, null or empty. */
  static String text(Map<String, ?> item, String key) {
    Object v = item.get(key);
    if (v == null) {
      return null;
    }
    String s = String.valueOf(v);
    return s.isEmpty() ? null : s;
  }

  /** A nested list such as attributes or values; absent or empty-string counts as empty. */
  static List<Map<String, Object>> listField(Map<String, ?> item, String key) {
    Object v = item.get(key);
    if (v == null || "".equals(v)) {
      return List.of();
    }
    assertTrue(v instanceof List, () -> key + " must be a list, got " + v);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      out.add(asMap(o, String.valueOf(v)));
    }
    return out;
  }

  /** A nested list of plain strings such as discovery formats. */
  static List<String> strings(Map<String, ?> item, String key) {
    Object v = item.get(key);
    assertTrue(v instanceof List, () -> key + " must be a list, got " + v);
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      assertTrue(o instanceof String, () -> key + " must hold strings, got " + o);
      out.add((String) o);
    }
    return out;
  }

  /** The service_request_id of every item that has one. */
  static List<String> ids(List<Map<String, Object>> items) {
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> item : items) {
      String id = text(item, "service_request_id");
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object o, String context) {
    if (!(o instanceof Map)) {
      fail("expected an object/element with fields, got " + o + " in " + context);
    }
    return (Map<String, Object>) o;
  }

  private String what(String json) {
    return format == Format.JSON ? "JSON " + json : "XML " + json;
  }
}
