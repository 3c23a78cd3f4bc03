package dev.open311.spec.error;

import java.util.List;

/** 413: the request body is larger than the server reads. */
public class PayloadTooLargeException extends Open311Exception {

  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(String limit) {
    super(413, List.of("the request body is larger than " + limit));
  }
}
