package dev.open311.spec.error;

import java.util.List;

/** 405: the path exists but does not answer this HTTP method. */
public class MethodNotAllowedException extends Open311Exception {

  private static final long serialVersionUID = 1L;

  public MethodNotAllowedException(String method, String path) {
    super(405, List.of("method " + method + " is not allowed on " + path));
  }
}
