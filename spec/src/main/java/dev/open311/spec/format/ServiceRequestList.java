package dev.open311.spec.format;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import dev.open311.spec.model.ServiceRequest;
import java.util.List;

/** {@code <service_requests><request>…</request></service_requests>} in XML, a bare array in JSON. */
@JacksonXmlRootElement(localName = "service_requests")
public record ServiceRequestList(
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request")
        List<ServiceRequest> items)
    implements ListDocument<ServiceRequest> {

  public ServiceRequestList {
    items = List.copyOf(items);
  }
}
