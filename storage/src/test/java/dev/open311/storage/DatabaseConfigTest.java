package dev.open311.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

  @Test
  void noUrlMeansEmbeddedAndNeedsADataDirectory() {
    assertTrue(DatabaseConfig.embedded(Path.of("data")).isEmbedded());
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> new DatabaseConfig(null, null, null, null, 10));
    assertTrue(error.getMessage().contains("data directory"), error.getMessage());
  }

  @Test
  void onlyPostgresqlUrlsAndPositivePoolSizesAreAccepted() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DatabaseConfig.external("jdbc:mysql://db/open311", "u", "p"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DatabaseConfig(null, null, null, Path.of("d"), 0));
  }

  @Test
  void thePasswordIsNeverPrinted() {
    DatabaseConfig config =
        DatabaseConfig.external(
            "jdbc:postgresql://db/open311?ssl=true&password=in-url&x=1", "open311", "hunter2");

    assertFalse(config.toString().contains("hunter2"), config.toString());
    assertFalse(config.toString().contains("in-url"), config.toString());
    assertEquals("jdbc:postgresql://db/open311?ssl=true&password=***&x=1", config.redactedUrl());
  }

  @Test
  void aWrongUrlIsNamedWithoutItsPassword() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> DatabaseConfig.external("postgresql://db/x?password=secret", "u", null));

    assertFalse(error.getMessage().contains("secret"), error.getMessage());
  }

  @Test
  void waitsAtLeastHikarisMinimumForAConnection() {
    DatabaseConfig config = DatabaseConfig.embedded(java.nio.file.Path.of("d"));

    assertEquals(java.time.Duration.ofSeconds(30), config.connectionTimeout());
    assertEquals(
        java.time.Duration.ofMillis(250),
        config.withConnectionTimeout(java.time.Duration.ofMillis(250)).connectionTimeout());
    assertThrows(
        IllegalArgumentException.class,
        () -> config.withConnectionTimeout(java.time.Duration.ofMillis(249)));
  }
}
