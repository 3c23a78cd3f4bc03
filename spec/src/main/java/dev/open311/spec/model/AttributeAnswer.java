package dev.open311.spec.model;

import java.util.List;

/**
 * A resident's answer to one attribute of a service definition, already checked against it. For
 * list datatypes the values are keys; numbers and datetimes are normalised text (a plain decimal,
 * a W3C datetime).
 */
public record AttributeAnswer(String code, Datatype datatype, List<String> values) {

  public AttributeAnswer {
    values = List.copyOf(values);
  }
}
