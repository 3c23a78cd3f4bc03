package dev.open311.spec.format;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import dev.open311.spec.model.Service;
import java.util.List;

/** {@code <services><service>…</service></services>} in XML, a bare array in JSON. */
@JacksonXmlRootElement(localName = "services")
public record ServiceList(
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "service")
        List<Service> items)
    implements ListDocument<Service> {

  public ServiceList {
    items = List.copyOf(items);
  }
}
