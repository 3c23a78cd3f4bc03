package dev.open311.spec.error;

import java.util.List;

/** 403: the api_key is missing or is not a valid, unrevoked key. */
public class ApiKeyException extends Open311Exception {

  private static final long serialVersionUID = 1L;

  private ApiKeyException(String description) {
    super(403, List.of(description));
  }

  public static ApiKeyException missing() {
    return new ApiKeyException("api_key is missing");
  }

  public static ApiKeyException invalid() {
    return new ApiKeyException("api_key is not valid");
  }
}
