package dev.open311.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import stopped by a signal, as Ctrl-C or a service manager stops it: the command says in one
 * line what was kept and how to go on, without the warnings and stack traces of the connections
 * the stopping database breaks, and running it again completes the file with every row once.
 */
class InterruptedImportIT {

  private static final int ROWS = 150_000;

  @TempDir static Path dataDir;
  @TempDir static Path files;

  @BeforeAll
  static void emptyDatabase() {
    ExternalTestDatabase.reset();
  }

  @Test
  void aSignalledImportSaysHowToResumeInOneLineAndTheRerunCompletesTheFile() throws Exception {
    Path csv = files.resolve("portal.csv");
    CliIT.Run made =
        CliIT.run("bench", "chicago-csv", "--rows", String.valueOf(ROWS), "-o", csv.toString());
    assertEquals(0, made.exitCode(), made.err());

    Path errFile = files.resolve("import.err");
    Path outFile = files.resolve("import.out");
    Process importing = start(errFile, outFile, withDb("import", "chicago-csv", csv.toString()));
    // The progress line: the first batches are in, the import is loading.
    assertTrue(appears(errFile, "rows/s", Duration.ofSeconds(120)), Files.readString(errFile));
    importing.destroy(); // SIGTERM: the JVM runs its exit hooks, as on Ctrl-C
    assertTrue(importing.waitFor(120, TimeUnit.SECONDS), "the import did not stop");
    String said = Files.readString(errFile) + Files.readString(outFile);

    assertTrue(said.contains("interrupted: run the same command again to resume"), said);
    assertFalse(said.contains(" WARN "), said);
    assertFalse(said.contains(" ERROR "), said);
    assertFalse(said.contains("\tat "), "no stack trace: " + said);
    assertFalse(said.contains("rows imported"), "stopped before the end: " + said);

    awaitStopped();
    CliIT.Run resumed = CliIT.run(withDb("import", "chicago-csv", csv.toString()));
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertTrue(resumed.out().contains("resumed at line"), resumed.out());

    Path exported = files.resolve("exported.csv");
    CliIT.Run export =
        CliIT.run(withDb("export", "requests", "--format", "csv", "--output", exported.toString()));
    assertEquals(0, export.exitCode(), export.err());
    try (var lines = Files.lines(exported)) {
      assertEquals(ROWS, lines.skip(1).map(line -> line.substring(0, line.indexOf(',')))
          .distinct().count(), "every row once");
    }
  }

  private static String[] withDb(String... args) {
    return CliIT.withDb(dataDir, args);
  }

  /** The CLI in a JVM of its own, on this test's class path, its output into files. */
  private static Process start(Path err, Path out, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    // Files, not pipes: the embedded PostgreSQL the command starts inherits its descriptors.
    return new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(out.toFile())
        .start();
  }

  private static boolean appears(Path file, String text, Duration limit)
      throws IOException, InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (Files.exists(file) && Files.readString(file).contains(text)) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /**
   * The signalled command's embedded PostgreSQL stops by itself after the command has gone; the
   * rerun must start its own, not attach to the one stopping.
   */
  private static void awaitStopped() throws InterruptedException {
    Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
    for (int i = 0; i < 600 && Files.exists(pid); i++) {
      Thread.sleep(100);
    }
    assertFalse(Files.exists(pid), "PostgreSQL still running in " + dataDir);
  }
}
