package dev.open311.spec.error;

import java.util.List;

/**
 * 400: a parameter is missing, malformed or not allowed; several problems may be reported at
 * once.
 */
public class InvalidRequestException extends Open311Exception {

  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String description) {
    this(List.of(description));
  }

  public InvalidRequestException(List<String> descriptions) {
    super(400, descriptions);
  }

  public static InvalidRequestException missing(String parameter) {
    return new InvalidRequestException(parameter + " is required");
  }
}
