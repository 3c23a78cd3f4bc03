package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/** One {@code endpoint} of the service discovery document. */
@JsonPropertyOrder({"specification", "url", "changeset", "type", "formats"})
public record Endpoint(
    String specification,
    String url,
    String changeset,
    String type,
    @JacksonXmlElementWrapper(localName = "formats") @JacksonXmlProperty(localName = "format")
        List<String> formats) {

  public static final String GEOREPORT_V2 = "http://wiki.open311.org/GeoReport_v2";
}
