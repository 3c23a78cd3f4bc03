package dev.open311.api.format;

import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.open311.spec.format.Open311Mappers;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes GeoReport v2 documents as XML with the declaration every published example has. */
@Provider
@Produces({"text/xml", "application/xml"})
public final class XmlDocumentWriter implements MessageBodyWriter<Object> {

  private final XmlMapper mapper;

  public XmlDocumentWriter(XmlMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type != String.class && !OutputStream.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(
      Object document,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream out)
      throws IOException {
    Open311Mappers.writeXml(mapper, document, out);
  }
}
