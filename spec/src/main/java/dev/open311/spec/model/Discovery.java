package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;

/** The Open311 service discovery document ({@code discovery.xml} / {@code discovery.json}). */
@JacksonXmlRootElement(localName = "discovery")
@JsonPropertyOrder({"changeset", "contact", "key_service", "endpoints"})
public record Discovery(
    String changeset,
    String contact,
    String keyService,
    @JacksonXmlElementWrapper(localName = "endpoints") @JacksonXmlProperty(localName = "endpoint")
        List<Endpoint> endpoints) {}
