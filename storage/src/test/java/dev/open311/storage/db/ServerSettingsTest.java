package dev.open311.storage.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

  private static final long GIB = 1024L * 1024 * 1024;

  @Test
  void aQuarterOfMemoryGoesToSharedBuffersAndHalfIsAssumedCached() {
    Map<String, String> settings = ServerSettings.forMemory(24 * GIB);

    assertEquals("6144MB", settings.get("shared_buffers"));
    assertEquals("12288MB", settings.get("effective_cache_size"));
    assertEquals("1.1", settings.get("random_page_cost"));
    assertEquals("1000", settings.get("commit_delay"));
  }

  @Test
  void sharedBuffersStayBetweenPostgresDefaultAndEightGigabytes() {
    assertEquals("128MB", ServerSettings.forMemory(GIB / 4).get("shared_buffers"));
    assertEquals("128MB", ServerSettings.forMemory(GIB / 4).get("effective_cache_size"));
    assertEquals("8192MB", ServerSettings.forMemory(256 * GIB).get("shared_buffers"));
  }

  @Test
  void durabilityIsNotTouched() {
    Map<String, String> settings = ServerSettings.forMemory(24 * GIB);

    assertFalse(settings.containsKey("fsync"));
    assertFalse(settings.containsKey("synchronous_commit"));
    assertFalse(settings.containsKey("full_page_writes"));
  }

  @Test
  void walCarriesOnlyWhatCrashRecoveryNeeds() {
    Map<String, String> settings = ServerSettings.forMemory(24 * GIB);

    assertEquals("minimal", settings.get("wal_level"));
    // PostgreSQL refuses to start with wal_level minimal and any WAL sender allowed.
    assertEquals("0", settings.get("max_wal_senders"));
  }

  @Test
  void theCacheIsRecordedAndReadInAgainAcrossRestarts() {
    Map<String, String> settings = ServerSettings.forMemory(24 * GIB);

    assertEquals("pg_prewarm", settings.get("shared_preload_libraries"));
    assertEquals("on", settings.get("pg_prewarm.autoprewarm"));
  }
}
