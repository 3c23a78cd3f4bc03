package dev.open311.api.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.format.Open311Mappers;
import dev.open311.spec.format.ServiceList;
import dev.open311.spec.model.AttributeValue;
import dev.open311.spec.model.Datatype;
import dev.open311.spec.model.Service;
import dev.open311.spec.model.ServiceAttribute;
import dev.open311.spec.model.ServiceDefinition;
import dev.open311.spec.model.ServiceType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rendered-once writers send exactly what the general writers would, and never stale bytes. */
class RenderedCatalogWritersTest {

  private static final MediaType JSON = MediaType.valueOf(Format.JSON_TYPE);
  private static final MediaType XML = MediaType.valueOf(Format.XML_TYPE);

  private final RenderedCatalogWriters rendered = new RenderedCatalogWriters();
  private final JsonDocumentWriter generalJson = new JsonDocumentWriter(Open311Mappers.json());
  private final XmlDocumentWriter generalXml = new XmlDocumentWriter(Open311Mappers.xml());

  @Test
  void theServiceListIsWrittenExactlyAsTheGeneralWritersDo() throws IOException {
    ServiceList list = new ServiceList(List.of(service("PHF", "Pothole"), service("SGA", "Rats")));

    for (int i = 0; i < 2; i++) {
      assertArrayEquals(general(list, JSON), write(rendered.serviceList(), list, JSON));
      assertArrayEquals(general(list, XML), write(rendered.serviceList(), list, XML));
    }
  }

  @Test
  void aDefinitionIsWrittenExactlyAsTheGeneralWritersDo() throws IOException {
    ServiceDefinition definition = definition("ALLEY");

    for (int i = 0; i < 2; i++) {
      assertArrayEquals(general(definition, JSON), write(rendered.definition(), definition, JSON));
      assertArrayEquals(general(definition, XML), write(rendered.definition(), definition, XML));
    }
  }

  @Test
  void aChangedCatalogIsRenderedAfresh() throws IOException {
    write(rendered.serviceList(), new ServiceList(List.of(service("PHF", "Pothole"))), JSON);
    write(rendered.definition(), definition("ALLEY"), JSON);

    String list =
        text(write(rendered.serviceList(), new ServiceList(List.of(service("PHF", "Holes"))), JSON));
    String definition = text(write(rendered.definition(), definition("YARD"), XML));

    assertTrue(list.contains("\"Holes\"") && !list.contains("Pothole"), list);
    assertTrue(definition.contains("<key>YARD</key>") && !definition.contains("ALLEY"), definition);
  }

  private static <T> byte[] write(MessageBodyWriter<T> writer, T value, MediaType media)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.writeTo(
        value, value.getClass(), value.getClass(), new Annotation[0], media,
        new MultivaluedHashMap<>(), out);
    return out.toByteArray();
  }

  private byte[] general(Object value, MediaType media) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (media.equals(JSON)) {
      generalJson.writeTo(
          value, value.getClass(), value.getClass(), new Annotation[0], media,
          new MultivaluedHashMap<>(), out);
    } else {
      generalXml.writeTo(
          value, value.getClass(), value.getClass(), new Annotation[0], media,
          new MultivaluedHashMap<>(), out);
    }
    return out.toByteArray();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static Service service(String code, String name) {
    return new Service(code, name, "About " + name, true, ServiceType.REALTIME, "a,b", "Streets");
  }

  private static ServiceDefinition definition(String place) {
    return new ServiceDefinition(
        "SGA",
        List.of(
            new ServiceAttribute(
                true,
                "WHERERAT",
                Datatype.SINGLEVALUELIST,
                true,
                null,
                1,
                "Where?",
                List.of(new AttributeValue(place, place)))));
  }
}
