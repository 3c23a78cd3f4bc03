package dev.open311.api.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.open311.spec.format.Open311Mappers;
import dev.open311.spec.format.ServiceList;
import dev.open311.spec.model.ServiceDefinition;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Writers that render the service list and service definitions once per catalog version and then
 * send the same bytes. The cached catalog hands out the same list and definition objects until it
 * changes, so the rendering is kept per object identity: a changed catalog brings new objects and
 * is rendered afresh. The output is exactly what the general JSON and XML writers produce (same
 * mappers); only the work is saved, which on the 16 KB demo service list is most of the call.
 */
public final class RenderedCatalogWriters {

  /** Several jurisdictions, both formats, a few catalog versions; past it the cache starts over. */
  private static final int MAX_ENTRIES = 256;

  private final ObjectMapper json = Open311Mappers.json();
  private final XmlMapper xml = Open311Mappers.xml();
  private final ConcurrentMap<Key, byte[]> rendered = new ConcurrentHashMap<>();

  /** The writer of {@code GET services}. */
  public MessageBodyWriter<ServiceList> serviceList() {
    return new ServiceListWriter();
  }

  /** The writer of {@code GET services/{code}}. */
  public MessageBodyWriter<ServiceDefinition> definition() {
    return new DefinitionWriter();
  }

  private byte[] bytes(Object identity, Object document, MediaType mediaType) throws IOException {
    boolean asXml = !mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    Key key = new Key(identity, asXml);
    byte[] known = rendered.get(key);
    if (known != null) {
      return known;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    if (asXml) {
      Open311Mappers.writeXml(xml, document, out);
    } else {
      json.writeValue(out, document);
    }
    byte[] bytes = out.toByteArray();
    if (rendered.size() >= MAX_ENTRIES) {
      rendered.clear();
    }
    rendered.put(key, bytes);
    return bytes;
  }

  private static boolean isOpen311(MediaType mediaType) {
    return mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE)
        || mediaType.isCompatible(MediaType.TEXT_XML_TYPE)
        || mediaType.isCompatible(MediaType.APPLICATION_XML_TYPE);
  }

  /** Equal only to a key for the very same object in the same format. */
  private record Key(Object identity, boolean xml) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.identity == identity && key.xml == xml;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(identity) * 31 + (xml ? 1 : 0);
    }
  }

  @Produces({Format.JSON_TYPE, Format.XML_TYPE, "application/xml"})
  private final class ServiceListWriter implements MessageBodyWriter<ServiceList> {
    @Override
    public boolean isWriteable(Class<?> type, Type generic, Annotation[] notes, MediaType media) {
      return ServiceList.class.isAssignableFrom(type) && isOpen311(media);
    }

    @Override
    public void writeTo(
        ServiceList list,
        Class<?> type,
        Type generic,
        Annotation[] notes,
        MediaType media,
        MultivaluedMap<String, Object> headers,
        OutputStream out)
        throws IOException {
      // ServiceList keeps the catalog's own immutable list, so the list is the identity.
      out.write(bytes(list.items(), list, media));
    }
  }

  @Produces({Format.JSON_TYPE, Format.XML_TYPE, "application/xml"})
  private final class DefinitionWriter implements MessageBodyWriter<ServiceDefinition> {
    @Override
    public boolean isWriteable(Class<?> type, Type generic, Annotation[] notes, MediaType media) {
      return ServiceDefinition.class.isAssignableFrom(type) && isOpen311(media);
    }

    @Override
    public void writeTo(
        ServiceDefinition definition,
        Class<?> type,
        Type generic,
        Annotation[] notes,
        MediaType media,
        MultivaluedMap<String, Object> headers,
        OutputStream out)
        throws IOException {
      out.write(bytes(definition, definition, media));
    }
  }
}
