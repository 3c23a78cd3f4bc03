package dev.open311.spec.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.XmlNameProcessors;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.open311.spec.model.ServiceRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The two mappers that write every GeoReport v2 document, configured once.
 *
 * <p>Both use snake_case names from the same records, so JSON field names equal XML element
 * names. The XML mapper reads the list names declared on {@link ListDocument} implementations;
 * the JSON mapper unwraps every {@link ListDocument} to a bare array, as the Spark convention
 * demands. Nulls are written ({@code null} in JSON, an empty element in XML) so every core field
 * is always present.
 */
public final class Open311Mappers {

  /** The XML declaration every XML document starts with, in the form published examples use. */
  public static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private Open311Mappers() {}

  public static ObjectMapper json() {
    return beanJson()
        .addModule(
            new SimpleModule("open311-json")
                .addSerializer(ServiceRequest.class, new ServiceRequestJsonSerializer()))
        .build();
  }

  /** The JSON mapper as Jackson's bean serializers alone would write: what json() must equal. */
  static JsonMapper.Builder beanJson() {
    return JsonMapper.builder()
        // Coordinates are written with Schubfach, not JDK 17's Double.toString (2.5% of a page's
        // CPU): the shortest digits that read back as the same double.
        .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(commonModule())
        .addMixIn(ListDocument.class, BareArray.class)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));
  }

  public static XmlMapper xml() {
    return XmlMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(commonModule())
        // Text XML cannot carry is written as U+FFFD (XmlText), never fails the document.
        .addModule(
            new SimpleModule("open311-xml-text")
                .addSerializer(String.class, new XmlSafeStringSerializer()))
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
        // Attribute codes and area types become element names with extensions=true; one that is
        // no valid XML name (e.g. 1ST) is written with _ for each offending character.
        .xmlNameProcessor(XmlNameProcessors.newReplacementProcessor())
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
        .build();
  }

  /** A mapper for catalog files written in YAML (the JSON mapper reads JSON ones). */
  public static ObjectMapper yaml() {
    return YAMLMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(commonModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /** Writes a document as XML: the declaration, then the document. */
  public static void writeXml(XmlMapper mapper, Object document, OutputStream out)
      throws IOException {
    out.write(XML_DECLARATION.getBytes(StandardCharsets.UTF_8));
    mapper.writeValue(out, document);
  }

  private static SimpleModule commonModule() {
    SimpleModule module = new SimpleModule("open311");
    module.addSerializer(OffsetDateTime.class, new W3cDateTimeSerializer());
    return new JavaTimeModuleWith(module);
  }

  /** Mix-in for JSON: a list document is its items. */
  abstract static class BareArray {
    @JsonValue
    abstract List<?> items();
  }

  private static final class W3cDateTimeSerializer extends JsonSerializer<OffsetDateTime> {
    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(W3cDates.format(value));
    }
  }

  /** jsr310 for reading, with our datetime writer taking precedence. */
  private static final class JavaTimeModuleWith extends SimpleModule {
    private final SimpleModule overrides;

    JavaTimeModuleWith(SimpleModule overrides) {
      super("open311-time");
      this.overrides = overrides;
    }

    @Override
    public void setupModule(SetupContext context) {
      new JavaTimeModule().setupModule(context);
      overrides.setupModule(context);
    }
  }
}
