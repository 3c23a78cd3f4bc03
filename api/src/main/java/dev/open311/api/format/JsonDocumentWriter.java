package dev.open311.api.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes GeoReport v2 documents as JSON. Jackson's own JAX-RS provider keys a cache on the
 * resource method's annotations and so hashes them on every response; the swagger annotations
 * of our resources made that 38% of the server's CPU on a page of 50 requests. This writer has
 * nothing to look up: one configured {@link ObjectWriter} for every document.
 */
@Provider
@Produces({"application/json", "text/json"})
public final class JsonDocumentWriter implements MessageBodyWriter<Object> {

  private final ObjectWriter writer;

  public JsonDocumentWriter(ObjectMapper mapper) {
    // Jersey owns the entity stream and closes it after the writers.
    this.writer = mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return !(type == String.class
        || type == byte[].class
        || type == char[].class
        || InputStream.class.isAssignableFrom(type)
        || Reader.class.isAssignableFrom(type)
        || OutputStream.class.isAssignableFrom(type)
        || Writer.class.isAssignableFrom(type)
        || StreamingOutput.class.isAssignableFrom(type)
        || Response.class.isAssignableFrom(type));
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
    writer.writeValue(out, document);
  }
}
