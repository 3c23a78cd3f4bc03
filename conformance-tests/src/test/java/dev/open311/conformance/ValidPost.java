package dev.open311.conformance;

import java.util.List;

/** Builds a POST requests form that a conforming target must accept for a given service. */
final class ValidPost {
  static final String TEXT = "conformance test text";

  private ValidPost() {}

  /** api_key, service_code, a unique description, lat/long, and every required attribute. */
  static Params form(Catalog.Service service) {
    Params form =
        Params.of(
            "api_key", Target.requireApiKey(),
            "service_code", service.code(),
            "description", Markers.unique("conformance"),
            "lat", Target.get().lat,
            "long", Target.get().lon);
    for (Catalog.Attribute a : Catalog.attributes(service)) {
      if (a.mustBeFilled()) {
        fill(form, a);
      }
    }
    return form;
  }

  /** Only address_string as location. */
  static Params withAddressString(Params form) {
    return form.withoutLocation().set("address_string", Target.get().addressString);
  }

  /** Only address_id as location. */
  static Params withAddressId(Params form) {
    return form.withoutLocation().set("address_id", Target.get().addressId);
  }

  static String key(Catalog.Attribute a) {
    return "attribute[" + a.code() + "]";
  }

  /** Puts a valid value for the attribute's datatype into the form (replacing earlier ones). */
  static void fill(Params form, Catalog.Attribute a) {
    clear(form, a);
    String datatype = a.datatype() == null ? "string" : a.datatype();
    switch (datatype) {
      case "number" -> form.set(key(a), "12");
      case "datetime" -> form.set(key(a), Markers.minutesFromNow(-60));
      case "singlevaluelist" -> form.set(key(a), a.keys().isEmpty() ? TEXT : a.keys().get(0));
      case "multivaluelist" -> {
        List<String> keys = a.keys().subList(0, Math.min(2, a.keys().size()));
        keys.forEach(k -> form.add(key(a) + "[]", k));
      }
      default -> form.set(key(a), TEXT);
    }
  }

  /** Removes the attribute in every encoding this suite sends. */
  static void clear(Params form, Catalog.Attribute a) {
    String key = key(a);
    form.remove(key, key + "[]", key + "[0]", key + "[1]");
  }
}
