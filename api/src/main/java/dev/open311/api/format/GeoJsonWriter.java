package dev.open311.api.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.open311.spec.format.FeatureCollection;
import dev.open311.spec.format.ListDocument;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes a GET requests document as a GeoJSON FeatureCollection when the call asked for {@code
 * .geojson}, so the resource returns the same document for every format.
 */
@Provider
@Produces("application/geo+json")
public final class GeoJsonWriter implements MessageBodyWriter<ListDocument<?>> {

  private static final MediaType GEOJSON = new MediaType("application", "geo+json");

  private final ObjectMapper mapper;

  public GeoJsonWriter(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return ListDocument.class.isAssignableFrom(type) && GEOJSON.isCompatible(mediaType);
  }

  @Override
  public void writeTo(
      ListDocument<?> document,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream out)
      throws IOException {
    mapper.writeValue(out, FeatureCollection.of(document));
  }
}
