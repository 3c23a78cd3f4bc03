package dev.open311.spec.model;

/**
 * The resident's personal data sent with {@code POST requests}. Stored, never published: no
 * public document of this package has a field for any of it.
 */
public record Requester(
    String email,
    String phone,
    String firstName,
    String lastName,
    String deviceId,
    String accountId) {

  public static final Requester ANONYMOUS = new Requester(null, null, null, null, null, null);
}
