package dev.open311.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a real (embedded) PostgreSQL in a temporary data directory. */
class CliIT {

  @TempDir static Path dataDir;

  record Run(int exitCode, String out, String err) {
    String lastLine() {
      String[] lines = out.strip().split("\n");
      return lines[lines.length - 1];
    }
  }

  static synchronized Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  static String[] withDb(String... args) {
    return withDb(dataDir, args);
  }

  /**
   * The arguments with the database options: the embedded database in {@code dataDir}, or the
   * external test database when OPEN311_TEST_DB_URL names one.
   */
  static String[] withDb(Path dataDir, String... args) {
    String url = System.getenv("OPEN311_TEST_DB_URL");
    String[] db =
        url == null || url.isBlank()
            ? new String[] {"--data-dir", dataDir.toString()}
            : new String[] {
              "--db", url,
              "--db-user", String.valueOf(System.getenv("OPEN311_TEST_DB_USER")),
              "--db-password", String.valueOf(System.getenv("OPEN311_TEST_DB_PASSWORD"))
            };
    String[] all = new String[args.length + db.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(db, 0, all, args.length, db.length);
    return all;
  }

  @BeforeAll
  static void loadCatalog() {
    ExternalTestDatabase.reset();
    Run load = run(withDb("catalog", "load", "src/main/resources/catalog/chicago-demo.json"));
    assertEquals(0, load.exitCode(), load.err());
  }

  @Test
  void apikeyCreatePrintsTheKeyAloneOnTheLastLineAndListNeverShowsIt() {
    String name = "cli-" + System.nanoTime();
    Run create = run(withDb("apikey", "create", "--name", name));
    assertEquals(0, create.exitCode(), create.err());
    String key = create.lastLine();
    assertTrue(key.matches("o311_[A-Za-z0-9_-]{40,}"), key);

    Run list = run(withDb("apikey", "list"));
    assertTrue(list.out().contains(name), list.out());
    assertFalse(list.out().contains(key), "list must not show the key");

    Run revoke = run(withDb("apikey", "revoke", name));
    assertEquals(0, revoke.exitCode(), revoke.err());
    assertEquals(1, run(withDb("apikey", "revoke", name)).exitCode());
  }

  @Test
  void catalogExportIsAcceptedByCatalogLoad() throws Exception {
    Path exported = dataDir.resolve("export.yaml");
    Run export = run(withDb("catalog", "export", "--output", exported.toString()));
    assertEquals(0, export.exitCode(), export.err());
    String yaml = Files.readString(exported);
    assertTrue(yaml.contains("cityofchicago.org") && yaml.contains("SGA"), yaml);

    Run load = run(withDb("catalog", "load", exported.toString()));
    assertEquals(0, load.exitCode(), load.err());
    assertTrue(load.out().contains("53 service(s)"), load.out());

    Path again = dataDir.resolve("again.yaml");
    run(withDb("catalog", "export", "--output", again.toString()));
    assertEquals(yaml, Files.readString(again), "export, load, export is a fixpoint");
  }

  @Test
  void anInvalidCatalogIsRefusedWithEveryProblemNamed() throws Exception {
    Path bad = dataDir.resolve("bad.json");
    Files.writeString(
        bad,
        """
        {"jurisdictions":[{"jurisdiction_id":"x.org","name":"X","time_zone":"Mars/Base",
          "services":[{"service_code":"A","service_name":"A"},{"service_code":"A","service_name":"B"}]}]}
        """);
    Run load = run(withDb("catalog", "load", bad.toString()));
    assertEquals(2, load.exitCode());
    assertTrue(load.err().contains("Mars/Base"), load.err());
    assertTrue(load.err().contains("service_code A appears twice"), load.err());
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] command :
        new String[][] {
          {"--help"}, {"serve", "--help"}, {"apikey", "create", "--help"}, {"apikey", "list", "--help"},
          {"apikey", "revoke", "--help"}, {"catalog", "load", "--help"}, {"catalog", "export", "--help"}
        }) {
      Run help = run(command);
      assertEquals(0, help.exitCode(), String.join(" ", command));
      assertTrue(help.out().contains("Usage:"), help.out());
    }
    assertTrue(run("serve", "--help").out().contains("OPEN311_DB_URL"));
    assertTrue(run("serve", "--help").out().contains("OPEN311_DB_CONCURRENCY"));
    assertTrue(run("serve", "--help").out().contains("OPEN311_DB_CONNECTION_TIMEOUT"));
  }

  @Test
  void aNegativeConcurrencyOrNoWaitIsRefusedBeforeAnythingStarts() {
    Run refused = run("serve", "--db-concurrency", "-1", "--data-dir", "/nonexistent/open311");
    assertEquals(2, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("--db-concurrency must be 0"), refused.err());
    Run noWait =
        run("serve", "--db-connection-timeout", "0", "--data-dir", "/nonexistent/open311");
    assertEquals(2, noWait.exitCode(), noWait.err());
    assertTrue(noWait.err().contains("--db-connection-timeout must be at least 1"), noWait.err());
  }
}
