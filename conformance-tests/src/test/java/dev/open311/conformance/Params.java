package dev.open311.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An ordered multimap of request parameters, used for query strings and POST forms alike. */
final class Params {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  static Params of(String... namesAndValues) {
    Params p = new Params();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      p.set(namesAndValues[i], namesAndValues[i + 1]);
    }
    return p;
  }

  /** Replaces every value of {@code name}. */
  Params set(String name, String... newValues) {
    values.put(name, new ArrayList<>(List.of(newValues)));
    return this;
  }

  /** Appends one more value for {@code name} (a repeated key). */
  Params add(String name, String value) {
    values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    return this;
  }

  Params remove(String... names) {
    for (String name : names) {
      values.remove(name);
    }
    return this;
  }

  /** Removes lat, long, address_string and address_id. */
  Params withoutLocation() {
    return remove("lat", "long", "address_string", "address_id");
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String first(String name) {
    List<String> v = values.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  Params copy() {
    Params p = new Params();
    values.forEach((k, v) -> p.values.put(k, new ArrayList<>(v)));
    return p;
  }

  /** Adds the configured jurisdiction_id unless the caller set one (even an empty one). */
  Params withJurisdiction() {
    Params p = copy();
    String jurisdiction = Target.get().jurisdictionId;
    if (jurisdiction != null && !p.has("jurisdiction_id")) {
      p.set("jurisdiction_id", jurisdiction);
    }
    return p;
  }

  Map<String, List<String>> asMap() {
    return values;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
