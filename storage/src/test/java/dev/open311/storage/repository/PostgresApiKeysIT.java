package dev.open311.storage.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.port.ApiKeys;
import dev.open311.spec.port.ApiKeys.ApiKeyInfo;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import dev.open311.storage.TestDatabases;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedStorage.class)
class PostgresApiKeysIT {

  private final ApiKeys keys;
  private final TestClock clock;
  private final Jdbi jdbi;

  PostgresApiKeysIT(Storage storage, TestClock clock) {
    this.keys = storage.apiKeys();
    this.clock = clock;
    this.jdbi = TestDatabases.jdbi(storage);
  }

  @Test
  void aNewKeyIsPrefixedRandomAndValid() {
    String key = keys.create("mobile-app");
    String other = keys.create("web-app");

    assertTrue(key.matches("o311_[A-Za-z0-9_-]{43}"), key);
    assertNotEquals(key, other);
    assertTrue(keys.isValid(key));
    assertTrue(keys.isValid(other));
  }

  @Test
  void unknownAndMissingKeysAreInvalid() {
    String key = keys.create("mobile-app");

    assertFalse(keys.isValid(key + "x"));
    assertFalse(keys.isValid(key.substring(0, key.length() - 1)));
    assertFalse(keys.isValid(""));
    assertFalse(keys.isValid(null));
  }

  @Test
  void theRawKeyIsStoredNowhereOnlyItsHashAndPrefix() {
    String key = keys.create("mobile-app");

    List<Map<String, Object>> rows =
        jdbi.withHandle(h -> h.createQuery("select * from api_key").mapToMap().list());
    String everything =
        jdbi.withHandle(
            h ->
                h.createQuery("select string_agg(t::text, '|') from api_key t")
                    .mapTo(String.class)
                    .one());

    assertEquals(1, rows.size());
    assertFalse(everything.contains(key), everything);
    assertFalse(everything.contains(key.substring(5)), everything);
    assertEquals(PostgresApiKeys.sha256(key), rows.get(0).get("key_hash"));
    assertEquals(key.substring(0, 9), rows.get(0).get("key_prefix"));
  }

  @Test
  void anActiveNameCannotBeTakenTwiceButARevokedOneCanBeReused() {
    String first = keys.create("partner");

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> keys.create("partner"));
    assertTrue(error.getMessage().contains("partner"), error.getMessage());

    assertTrue(keys.revoke("partner"));
    String second = keys.create("partner");
    assertFalse(keys.isValid(first));
    assertTrue(keys.isValid(second));
  }

  @Test
  void revokeIsFalseWhenNoActiveKeyHasTheName() {
    keys.create("partner");
    keys.revoke("partner");

    assertFalse(keys.revoke("partner"));
    assertFalse(keys.revoke("nobody"));
  }

  @Test
  void listShowsPrefixesAndTimesButNeverTheKey() {
    String kept = keys.create("kept");
    clock.advance(Duration.ofMinutes(1));
    String revoked = keys.create("revoked");
    clock.advance(Duration.ofMinutes(1));
    keys.revoke("revoked");

    OffsetDateTime start = TestClock.START.atOffset(ZoneOffset.UTC);
    assertEquals(
        List.of(
            new ApiKeyInfo("kept", kept.substring(0, 9), start, null),
            new ApiKeyInfo(
                "revoked", revoked.substring(0, 9), start.plusMinutes(1), start.plusMinutes(2))),
        keys.list());
    assertNull(keys.list().get(0).revokedAt());
  }
}
