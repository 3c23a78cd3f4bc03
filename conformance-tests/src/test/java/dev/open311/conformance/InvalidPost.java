package dev.open311.conformance;

/** POST forms that a conforming target must refuse, shared by the error and atomicity checks. */
final class InvalidPost {
  private InvalidPost() {}

  /** A valid form except for one list attribute whose value is no key of its values. */
  static Params listValue() {
    Catalog.Pick pick =
        Catalog.withAttribute(
            "a list attribute", a -> String.valueOf(a.datatype()).endsWith("valuelist"));
    Params form = ValidPost.form(pick.service());
    ValidPost.clear(form, pick.attribute());
    String key = ValidPost.key(pick.attribute());
    if ("multivaluelist".equals(pick.attribute().datatype())) {
      key += "[]";
    }
    return form.set(key, Markers.unique("not-a-key"));
  }

  /** A valid form except for a latitude of 95. */
  static Params latitude() {
    return ValidPost.form(Catalog.realtime()).set("lat", "95");
  }
}
