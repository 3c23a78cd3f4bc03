package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code extensions=true} adds to a request, after the standard fields, shaped like Chicago's
 * Open311 answers:
 *
 * <ul>
 *   <li>{@code attributes}: the public answers to the service definition's questions, an object
 *       from attribute code to the answer (a JSON array of keys for a multivaluelist; in XML one
 *       element per code, repeated for several keys);
 *   <li>{@code extended_attributes}: see {@link ExtendedAttributes};
 *   <li>{@code notes}: the public history, oldest first ({@code notes/note} in XML).
 * </ul>
 *
 * @param answers in the order they were filed; only questions residents answer are stored, and
 *     none of them is personal data
 */
@JsonPropertyOrder({"attributes", "extended_attributes", "notes"})
public record ServiceRequestExtensions(
    @JsonIgnore List<AttributeAnswer> answers,
    ExtendedAttributes extendedAttributes,
    @JacksonXmlElementWrapper(localName = "notes") @JacksonXmlProperty(localName = "note")
        List<ServiceRequestNote> notes) {

  /** Nothing known beyond the standard fields. */
  public static final ServiceRequestExtensions NONE =
      new ServiceRequestExtensions(
          List.of(), new ExtendedAttributes(null, Map.of(), false, null, null), List.of());

  public ServiceRequestExtensions {
    answers = List.copyOf(answers);
    notes = List.copyOf(notes);
  }

  /** The wire {@code attributes} object, in the order the answers were filed. */
  @JsonProperty("attributes")
  public Map<String, Object> attributes() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (AttributeAnswer answer : answers) {
      attributes.put(
          answer.code(),
          answer.datatype() == Datatype.MULTIVALUELIST ? answer.values() : answer.values().get(0));
    }
    return attributes;
  }
}
