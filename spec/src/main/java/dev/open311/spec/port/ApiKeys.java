package dev.open311.spec.port;

import java.time.OffsetDateTime;
import java.util.List;

/** Client API keys. Only a hash of each key is stored; the key itself is shown once. */
public interface ApiKeys {

  /** A key as listed: never the key itself. */
  record ApiKeyInfo(String name, String prefix, OffsetDateTime createdAt, OffsetDateTime revokedAt) {}

  /**
   * Creates a key for a client.
   *
   * @return the raw key, which cannot be read back later
   * @throws IllegalArgumentException when an active key already has this name
   */
  String create(String name);

  List<ApiKeyInfo> list();

  /** Revokes the active key of that name; false when there is none. */
  boolean revoke(String name);

  /** True when the raw key is a known, unrevoked key. */
  boolean isValid(String rawKey);
}
