package dev.open311.storage.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL in a data directory, either started here or attached to.
 *
 * <p>The command line ({@code apikey create}, {@code catalog load}) runs as a second process while
 * the server may already run on the same data directory, and PostgreSQL allows one postmaster per
 * directory. So when {@code postmaster.pid} names a live postgres process, this class does not
 * start another: it connects to that one on the port the file names and leaves it running on {@link
 * #close()}. Otherwise it starts PostgreSQL (on a free port) and stops it on close. A PostgreSQL
 * left running by a process that was killed is attached to in the same way.
 *
 * <p>Known limit: if the process that started it closes first, the attached one loses its
 * connections. The command line is short-lived, so in practice that is a server started while a
 * command was running; restarting the server starts PostgreSQL again.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  /** The superuser zonky's initdb creates; local connections are trusted, without password. */
  public static final String USER = "postgres";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  private final Path directory;
  private final int port;
  private final EmbeddedPostgres started;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread stopOnExit;

  private EmbeddedDatabase(Path directory, int port, EmbeddedPostgres started) {
    this.directory = directory;
    this.port = port;
    this.started = started;
    // In place of zonky's own hook, which raced close() when the process exited normally.
    this.stopOnExit =
        started == null ? null : new Thread(() -> stop(false), "embedded-postgres-stop");
    if (stopOnExit != null) {
      Runtime.getRuntime().addShutdownHook(stopOnExit);
    }
  }

  /** Attaches to the PostgreSQL running in {@code directory}, or starts one there. */
  public static EmbeddedDatabase startOrAttach(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    Optional<PostmasterFile> running =
        PostmasterFile.read(absolute).filter(PostmasterFile::isAlive);
    if (running.isPresent()) {
      return attach(absolute, running.get());
    }
    try {
      Files.createDirectories(absolute);
      EmbeddedPostgres postgres = builder(absolute).start();
      log.info("started embedded PostgreSQL in {} on port {}", absolute, postgres.getPort());
      return new EmbeddedDatabase(absolute, postgres.getPort(), postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + absolute, e);
    }
  }

  private static EmbeddedDatabase attach(Path directory, PostmasterFile running) {
    if (running.port() == 0) {
      throw new IllegalStateException(
          "PostgreSQL (pid " + running.pid() + ") is still starting in " + directory + "; retry");
    }
    log.info(
        "attached to the PostgreSQL already running in {} (pid {}) on port {}; it stays running",
        directory,
        running.pid(),
        running.port());
    return new EmbeddedDatabase(directory, running.port(), null);
  }

  /**
   * zonky's defaults suit throw-away test databases (trap 12): fsync and synchronous_commit off, a
   * temporary directory wiped on close. This is the product's database, so all of that is turned
   * back: the directory is kept and every commit reaches the disk before it is answered.
   */
  private static EmbeddedPostgres.Builder builder(Path directory) {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(directory)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            // The host's LANG must not decide collation: the C locale is the same everywhere.
            .setLocaleConfig("locale", "C")
            .setPGStartupWait(STARTUP_WAIT);
    ServerSettings.forThisMachine().forEach(builder::setServerConfig);
    return builder;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public Path directory() {
    return directory;
  }

  public int port() {
    return port;
  }

  /** True when another process started this PostgreSQL and this one only connects to it. */
  public boolean isAttached() {
    return started == null;
  }

  /**
   * Stops PostgreSQL if it was started here; an attached one is left running. A checkpoint comes
   * first: zonky gives the stop 5 s, and after a generation of 10M requests PostgreSQL's own
   * shutdown checkpoint, writing gigabytes of changed buffers, took longer, so the stop was
   * reported as failed, with a stack trace, while PostgreSQL went on stopping.
   */
  @Override
  public void close() {
    stop(true);
  }

  /**
   * @param checkpointFirst false when the process is exiting (Ctrl-C, SIGTERM): the command may
   *     still be writing, so a checkpoint could take as long as it keeps on, and the stop comes
   *     at once, as zonky's own hook made it; PostgreSQL finishes stopping by itself
   */
  private void stop(boolean checkpointFirst) {
    if (started == null || !closed.compareAndSet(false, true)) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // this is the hook, or it runs beside it
    }
    if (checkpointFirst) {
      checkpoint();
    }
    try {
      started.close();
      log.info("stopped embedded PostgreSQL in {}", directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded PostgreSQL in " + directory, e);
    }
  }

  /** Writes the changed buffers to disk, so that stopping has little left to write. */
  private void checkpoint() {
    long started = System.nanoTime();
    Properties user = new Properties();
    user.setProperty("user", USER);
    try (Connection connection = new Driver().connect(jdbcUrl(), user);
        Statement statement = connection.createStatement()) {
      statement.execute("checkpoint");
    } catch (SQLException e) {
      log.warn("no checkpoint before stopping PostgreSQL in {}: {}", directory, e.getMessage());
      return;
    }
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    if (millis >= 1_000) {
      log.info("wrote the database's changes to disk in {} s before stopping", millis / 1000.0);
    }
  }
}
