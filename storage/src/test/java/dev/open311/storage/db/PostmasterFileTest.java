package dev.open311.storage.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmasterFileTest {

  @Test
  void readsThePidFromLineOneAndThePortFromLineFour() {
    List<String> lines =
        List.of(
            "4242",
            "/data/postgres",
            "1763830000",
            "54321",
            "/tmp",
            "localhost",
            "  1234567     32768",
            "ready   ");

    assertEquals(Optional.of(new PostmasterFile(4242, 54321)), PostmasterFile.parse(lines));
  }

  @Test
  void aFileCaughtWhileTheServerStartsHasNoPortYet() {
    assertEquals(
        Optional.of(new PostmasterFile(4242, 0)),
        PostmasterFile.parse(List.of("4242", "/data/postgres")));
  }

  @Test
  void anEmptyOrGarbledFileIsIgnored() {
    assertTrue(PostmasterFile.parse(List.of()).isEmpty());
    assertTrue(PostmasterFile.parse(List.of("not a pid")).isEmpty());
  }

  @Test
  void aMissingFileMeansNoServer(@TempDir Path directory) {
    assertTrue(PostmasterFile.read(directory).isEmpty());
  }

  @Test
  void onlyALivePostgresProcessCounts() {
    // This JVM is alive but is no postgres: a stale file whose pid was reused looks like this.
    assertFalse(new PostmasterFile(ProcessHandle.current().pid(), 5432).isAlive());
    assertFalse(new PostmasterFile(Long.MAX_VALUE, 5432).isAlive());
  }
}
