package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;
import java.util.Optional;

/**
 * GeoReport v2 {@code attribute} of a service definition: one question asked when filing.
 *
 * @param variable false for informational attributes that take no answer
 * @param order display position, 1 first, unique within the service
 * @param values the allowed answers of list datatypes; empty otherwise
 */
@JsonPropertyOrder({
  "variable", "code", "datatype", "required", "datatype_description", "order", "description",
  "values"
})
public record ServiceAttribute(
    boolean variable,
    String code,
    Datatype datatype,
    boolean required,
    String datatypeDescription,
    int order,
    String description,
    @JacksonXmlElementWrapper(localName = "values") @JacksonXmlProperty(localName = "value")
        List<AttributeValue> values) {

  public ServiceAttribute {
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** The value with this key, if the attribute lists it. */
  public Optional<AttributeValue> value(String key) {
    return values.stream().filter(v -> v.key().equals(key)).findFirst();
  }
}
