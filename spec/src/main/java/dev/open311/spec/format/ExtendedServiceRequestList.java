package dev.open311.spec.format;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import dev.open311.spec.model.ExtendedServiceRequest;
import java.util.List;

/**
 * GET requests with {@code extensions=true}: {@code <service_requests><request>…</request>
 * </service_requests>} in XML, a bare array in JSON, as without extensions.
 */
@JacksonXmlRootElement(localName = "service_requests")
public record ExtendedServiceRequestList(
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request")
        List<ExtendedServiceRequest> items)
    implements ListDocument<ExtendedServiceRequest> {

  public ExtendedServiceRequestList {
    items = List.copyOf(items);
  }
}
