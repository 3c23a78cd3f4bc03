package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * GeoReport v2 {@code service_definition}: the attributes a service asks for, in display order.
 * {@code attributes} is always present, empty when the service asks nothing.
 */
@JacksonXmlRootElement(localName = "service_definition")
@JsonPropertyOrder({"service_code", "attributes"})
public record ServiceDefinition(
    String serviceCode,
    @JacksonXmlElementWrapper(localName = "attributes") @JacksonXmlProperty(localName = "attribute")
        List<ServiceAttribute> attributes) {

  public ServiceDefinition {
    attributes =
        attributes == null
            ? List.of()
            : attributes.stream().sorted(Comparator.comparingInt(ServiceAttribute::order)).toList();
  }

  public Optional<ServiceAttribute> attribute(String code) {
    return attributes.stream().filter(a -> a.code().equals(code)).findFirst();
  }
}
