package dev.open311.spec.format;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import dev.open311.spec.model.ServiceRequestUpdate;
import java.util.List;

/**
 * FixMyStreet's {@code servicerequestupdates}: {@code <service_request_updates><request_update>…
 * </request_update></service_request_updates>} in XML, a bare array in JSON.
 */
@JacksonXmlRootElement(localName = "service_request_updates")
public record ServiceRequestUpdateList(
    @JacksonXmlElementWrapper(useWrapping = false)
        @JacksonXmlProperty(localName = "request_update")
        List<ServiceRequestUpdate> items)
    implements ListDocument<ServiceRequestUpdate> {

  public ServiceRequestUpdateList {
    items = List.copyOf(items);
  }
}
