package dev.open311.spec.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.error.Open311Error;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * XML 1.0 has no way to carry most control characters. A stored text with one (from an import, a
 * catalog file) is written with U+FFFD in its place: the document stays well-formed, where it used
 * to fail, and with it every list that held the request.
 */
class XmlInvalidCharactersTest {

  @Test
  void controlCharactersAreWrittenAsReplacementCharactersInWellFormedXml() throws Exception {
    OffsetDateTime at = OffsetDateTime.parse("2024-05-02T09:14:03-05:00");
    ServiceRequest request =
        new ServiceRequest("24-1", Status.OPEN, "notes\u0000here", "Pothole", "PHF",
            "bell\u0007 and\u000b vertical tab, tab\tnewline\n kept", "CDOT", null, at, at, null,
            "1200 W Main\u001f St\uFFFF\uFFFE", null, "60607", 41.88, -87.62, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    Open311Mappers.writeXml(
        Open311Mappers.xml(), new ServiceRequestList(List.of(request)), out);

    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(
        "bell\uFFFD and\uFFFD vertical tab, tab\tnewline\n kept",
        text(xml, "description"));
    assertEquals("notes\uFFFDhere", text(xml, "status_notes"));
    assertEquals("1200 W Main\uFFFD St\uFFFD\uFFFD", text(xml, "address"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("<service_code>PHF</service_code>"));
  }

  @Test
  void anErrorQuotingAParameterStaysWellFormedAndPairsAreKept() throws Exception {
    String quoted = "service_code \uFFFF\uD800x \uD83D\uDEA7 was not found";
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    Open311Mappers.writeXml(
        Open311Mappers.xml(), new ErrorList(List.of(new Open311Error(404, quoted))), out);

    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(out.toByteArray()));
    assertEquals("service_code \uFFFD\uFFFDx \uD83D\uDEA7 was not found", text(xml, "description"));
  }

  private static String text(Document xml, String element) {
    return xml.getElementsByTagName(element).item(0).getTextContent();
  }
}
