package dev.open311.spec.error;

import java.util.List;

/**
 * 503: the server cannot answer now (every database turn or connection stayed taken while the
 * request waited, or PostgreSQL could not be reached); the client may try again after {@link
 * #retryAfterSeconds()}.
 */
public class UnavailableException extends Open311Exception {

  private static final long serialVersionUID = 1L;

  private final int retryAfterSeconds;

  public UnavailableException(String description, int retryAfterSeconds) {
    super(503, List.of(description));
    if (retryAfterSeconds < 1) {
      throw new IllegalArgumentException("retry after at least a second, not " + retryAfterSeconds);
    }
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** What the {@code Retry-After} header says. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
