package dev.open311.spec.format;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import dev.open311.spec.error.Open311Error;
import java.util.List;

/** {@code <errors><error>…</error></errors>} in XML, a bare array in JSON. */
@JacksonXmlRootElement(localName = "errors")
public record ErrorList(
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "error")
        List<Open311Error> items)
    implements ListDocument<Open311Error> {

  public ErrorList {
    items = List.copyOf(items);
  }
}
