package dev.open311.storage.repository;

import dev.open311.spec.port.ApiKeys;
import dev.open311.storage.dao.ApiKeyDao;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * API keys: {@code o311_} and 32 random bytes in base64url. Only the SHA-256 of a key is stored. A
 * fast hash is right here, unlike for passwords: a key has 256 random bits, so there is nothing to
 * guess, and checking a key costs one hash and one indexed lookup on every call.
 */
public final class PostgresApiKeys implements ApiKeys {

  static final String KEY_START = "o311_";

  /** "o311_" and four characters: enough to tell keys apart in a list, useless to guess one. */
  static final int PREFIX_LENGTH = 9;

  private static final int KEY_BYTES = 32;
  private static final String UNIQUE_VIOLATION = "23505";

  private final Jdbi jdbi;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public PostgresApiKeys(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public String create(String name) {
    byte[] bytes = new byte[KEY_BYTES];
    random.nextBytes(bytes);
    String key = KEY_START + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try {
      // No check-then-insert: the partial unique index decides, also between two processes.
      jdbi.useExtension(
          ApiKeyDao.class,
          dao ->
              dao.insert(
                  name, sha256(key), key.substring(0, PREFIX_LENGTH), Timestamps.now(clock)));
    } catch (UnableToExecuteStatementException e) {
      if (e.getCause() instanceof SQLException sql
          && UNIQUE_VIOLATION.equals(sql.getSQLState())
          && String.valueOf(sql.getMessage()).contains("api_key_active_name")) {
        throw new IllegalArgumentException("an active API key is already named " + name, e);
      }
      throw e;
    }
    return key;
  }

  @Override
  public List<ApiKeyInfo> list() {
    return jdbi.withExtension(ApiKeyDao.class, ApiKeyDao::list).stream()
        .map(
            row ->
                new ApiKeyInfo(
                    row.name(),
                    row.keyPrefix(),
                    row.createdAt().withOffsetSameInstant(ZoneOffset.UTC),
                    row.revokedAt() == null
                        ? null
                        : row.revokedAt().withOffsetSameInstant(ZoneOffset.UTC)))
        .toList();
  }

  @Override
  public boolean revoke(String name) {
    return jdbi.withExtension(ApiKeyDao.class, dao -> dao.revoke(name, Timestamps.now(clock))) > 0;
  }

  /** Hashes whatever it is given, so a wrong key costs the same as a right one. */
  @Override
  public boolean isValid(String rawKey) {
    if (rawKey == null) {
      return false;
    }
    return jdbi.withExtension(ApiKeyDao.class, dao -> dao.isActive(sha256(rawKey)));
  }

  static String sha256(String key) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
