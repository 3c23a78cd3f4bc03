package dev.open311.storage.cache;

import dev.open311.spec.port.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers keys found valid for a short time, so a client posting in a burst costs one lookup
 * per time-to-live instead of one per request.
 *
 * <p>Only valid keys are kept, by their SHA-256 (never the key itself), and at most {@code
 * maxEntries} of them: wrong keys always reach the database and cannot fill the cache. A key
 * revoked through this object stops working at once; one revoked by another process (the {@code
 * apikey revoke} command while the server runs) stops working within the time-to-live.
 */
public final class CachingApiKeys implements ApiKeys {

  /** How long a revocation made by another process may go unnoticed. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);

  /** Far more than the clients of one city; past it the cache starts over. */
  public static final int DEFAULT_MAX_ENTRIES = 1024;

  private final ApiKeys delegate;
  private final long ttlNanos;
  private final int maxEntries;
  private final ConcurrentMap<String, Long> validUntil = new ConcurrentHashMap<>();

  public CachingApiKeys(ApiKeys delegate, Duration ttl, int maxEntries) {
    this.delegate = delegate;
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
  }

  @Override
  public String create(String name) {
    return delegate.create(name);
  }

  @Override
  public List<ApiKeyInfo> list() {
    return delegate.list();
  }

  /** Forgets every remembered key: the cache does not know which hash belongs to the name. */
  @Override
  public boolean revoke(String name) {
    try {
      return delegate.revoke(name);
    } finally {
      refresh();
    }
  }

  /** Forgets every remembered key: the next check of each asks the database. */
  public void refresh() {
    validUntil.clear();
  }

  @Override
  public boolean isValid(String rawKey) {
    if (rawKey == null) {
      return false;
    }
    String hash = sha256(rawKey);
    long now = System.nanoTime();
    Long until = validUntil.get(hash);
    if (until != null && now - until < 0) {
      return true;
    }
    boolean valid = delegate.isValid(rawKey);
    if (!valid) {
      validUntil.remove(hash);
      return false;
    }
    if (validUntil.size() >= maxEntries) {
      validUntil.clear();
    }
    validUntil.put(hash, now + ttlNanos);
    return true;
  }

  private static String sha256(String key) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
