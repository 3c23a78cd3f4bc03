package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** GeoReport v2 attribute {@code datatype}. */
public enum Datatype {
  STRING,
  NUMBER,
  DATETIME,
  TEXT,
  SINGLEVALUELIST,
  MULTIVALUELIST;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Datatype fromWire(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }

  /** True for the two datatypes whose answers must be keys of the attribute's values. */
  public boolean isList() {
    return this == SINGLEVALUELIST || this == MULTIVALUELIST;
  }
}
