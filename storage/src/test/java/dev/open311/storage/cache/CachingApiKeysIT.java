package dev.open311.storage.cache;

import static dev.open311.storage.cache.Eventually.assertEventually;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.port.ApiKeys;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import dev.open311.storage.TestDatabases;
import dev.open311.storage.repository.PostgresApiKeys;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The key cache against a real PostgreSQL: the server's cache, and the keys as the {@code apikey}
 * command (another process) changes them.
 */
@ExtendWith(SharedStorage.class)
class CachingApiKeysIT {

  private final Storage storage;
  private final ApiKeys cli;
  private final Jdbi jdbi;
  private final TestClock clock;

  CachingApiKeysIT(Storage storage, TestClock clock) {
    this.storage = storage;
    this.jdbi = TestDatabases.jdbi(storage);
    this.clock = clock;
    this.cli = new PostgresApiKeys(jdbi, clock);
  }

  @Test
  void aKeyRevokedThroughTheStorageStopsWorkingAtOnce() {
    ApiKeys keys = storage.apiKeys();
    String key = keys.create("app");
    assertTrue(keys.isValid(key));

    keys.revoke("app");

    assertFalse(keys.isValid(key));
  }

  @Test
  void aKeyRevokedElsewhereWorksUntilTheTtlEnds() {
    ApiKeys server = caching(Duration.ofDays(1));
    String key = cli.create("app");
    assertTrue(server.isValid(key));

    cli.revoke("app");

    assertTrue(server.isValid(key), "remembered, not asked again");
  }

  @Test
  void aKeyRevokedElsewhereStopsWorkingWithinTheTtl() {
    ApiKeys server = caching(Duration.ofMillis(100));
    String key = cli.create("app");
    assertTrue(server.isValid(key));

    cli.revoke("app");

    assertEventually("the revoked key refused", () -> !server.isValid(key));
  }

  @Test
  void aKeyCreatedElsewhereWorksAtOnceEvenAfterBeingRefused() {
    ApiKeys server = caching(Duration.ofDays(1));
    String key = cli.create("app");
    cli.revoke("app");
    assertFalse(server.isValid(key));
    String second = cli.create("app");

    assertTrue(server.isValid(second));
    assertFalse(server.isValid(key), "a refused key is not remembered as valid");
  }

  @Test
  void missingAndMalformedKeysAreRefused() {
    ApiKeys server = caching(Duration.ofDays(1));
    assertFalse(server.isValid(null));
    assertFalse(server.isValid(""));
    assertFalse(server.isValid("o311_not-a-key"));
  }

  private ApiKeys caching(Duration ttl) {
    return new CachingApiKeys(new PostgresApiKeys(jdbi, clock), ttl, CachingApiKeys.DEFAULT_MAX_ENTRIES);
  }
}
