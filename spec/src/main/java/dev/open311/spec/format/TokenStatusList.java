package dev.open311.spec.format;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import dev.open311.spec.model.TokenStatus;
import java.util.List;

/** {@code <service_requests><request>…</request></service_requests>} in XML, a bare array in JSON. */
@JacksonXmlRootElement(localName = "service_requests")
public record TokenStatusList(
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request")
        List<TokenStatus> items)
    implements ListDocument<TokenStatus> {

  public TokenStatusList {
    items = List.copyOf(items);
  }
}
