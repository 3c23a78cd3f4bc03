package dev.open311.spec.error;

import java.util.List;

/**
 * A failure the standard names, carrying the HTTP status it is answered with. Subclasses fix the
 * status; the api module turns any of them into an {@code errors} document.
 */
public abstract class Open311Exception extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<String> descriptions;

  protected Open311Exception(int status, List<String> descriptions) {
    super(String.join("; ", descriptions));
    if (descriptions.isEmpty()) {
      throw new IllegalArgumentException("an Open311 error needs a description");
    }
    this.status = status;
    this.descriptions = List.copyOf(descriptions);
  }

  public int status() {
    return status;
  }

  /** One error per description, each with the HTTP status as its code. */
  public List<Open311Error> errors() {
    return descriptions.stream().map(d -> new Open311Error(status, d)).toList();
  }
}
