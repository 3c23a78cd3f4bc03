package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XML to maps and lists by the digest's "Spark convention": a container listed in {@link #ITEMS}
 * becomes a list (even when empty or holding one item) and must hold only its item element; other
 * elements with children become ordered maps; leaves become their text.
 */
final class XmlTree {
  static final Map<String, String> ITEMS =
      Map.of(
          "services", "service",
          "service_requests", "request",
          "errors", "error",
          "attributes", "attribute",
          "values", "value",
          "endpoints", "endpoint",
          "formats", "format",
          "notes", "note",
          "service_request_updates", "request_update");

  private XmlTree() {}

  static Document parse(byte[] bytes, String forMessages) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      throw new AssertionError("body is not well-formed XML: " + forMessages, e);
    }
  }

  static Object convert(Element e) {
    List<Element> children = children(e);
    String item = isListContainer(e) ? ITEMS.get(e.getTagName()) : null;
    if (item != null && (!children.isEmpty() || e.getTextContent().isBlank())) {
      List<Object> list = new ArrayList<>();
      for (Element child : children) {
        assertEquals(
            item, child.getTagName(), () -> "only <" + item + "> inside <" + e.getTagName() + ">");
        list.add(convert(child));
      }
      return list;
    }
    if (children.isEmpty()) {
      return e.getTextContent();
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Element child : children) {
      Object value = convert(child);
      map.merge(child.getTagName(), value, XmlTree::repeat);
    }
    return map;
  }

  /**
   * Whether the element is one of the list containers. {@code attributes} of a service definition
   * is one; that of a request with extensions=true (Chicago's answers, one element per attribute
   * code) is an object.
   */
  private static boolean isListContainer(Element e) {
    return !(e.getTagName().equals("attributes")
        && e.getParentNode() instanceof Element parent
        && parent.getTagName().equals("request"));
  }

  static int count(Document doc, String expression) {
    try {
      NodeList nodes =
          (NodeList)
              XPathFactory.newInstance()
                  .newXPath()
                  .evaluate(expression, doc, XPathConstants.NODESET);
      return nodes.getLength();
    } catch (Exception e) {
      throw new IllegalArgumentException("bad XPath " + expression, e);
    }
  }

  /** A repeated element outside the known containers (e.g. two media_url) becomes a list. */
  @SuppressWarnings("unchecked")
  private static Object repeat(Object earlier, Object later) {
    List<Object> list;
    if (earlier instanceof RepeatedList) {
      list = (List<Object>) earlier;
    } else {
      list = new RepeatedList();
      list.add(earlier);
    }
    list.add(later);
    return list;
  }

  private static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        out.add(child);
      }
    }
    return out;
  }

  /** Marks lists made from repeated elements, so a third repetition extends rather than nests. */
  private static final class RepeatedList extends ArrayList<Object> {}
}
