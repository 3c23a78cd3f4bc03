package dev.open311.api;

import dev.open311.api.server.Open311Server;
import dev.open311.api.server.ServerConfig;
import dev.open311.storage.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Our server started in-process for tests and the conformance suite: a free port on 127.0.0.1,
 * the demo catalog, and either the external PostgreSQL named by {@code OPEN311_TEST_DB_URL}
 * ({@code OPEN311_TEST_DB_USER}, {@code OPEN311_TEST_DB_PASSWORD}) or an embedded one in a
 * temporary directory.
 */
public final class LocalServer implements AutoCloseable {

  private final Open311Server server;

  private LocalServer(Open311Server server) {
    this.server = server;
  }

  public static LocalServer start() {
    return new LocalServer(Open311Server.start(config()));
  }

  /** The configuration {@link #start()} uses, for tests that need to vary it. */
  public static ServerConfig config() {
    try {
      Path dataDir = Files.createTempDirectory("open311-test-");
      String url = System.getenv("OPEN311_TEST_DB_URL");
      DatabaseConfig database =
          new DatabaseConfig(
                  url == null || url.isBlank() ? null : url,
                  System.getenv("OPEN311_TEST_DB_USER"),
                  System.getenv("OPEN311_TEST_DB_PASSWORD"),
                  dataDir,
                  8)
              // Fewer turns than the suite has clients in flight, so every endpoint is tested
              // through the gate that serve puts in front of the pool.
              .withConcurrency(2);
      return new ServerConfig("127.0.0.1", 0, database, "test", true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GeoReport base URL, ending in {@code /open311/v2/}. */
  public String baseUrl() {
    return server.baseUrl().toString();
  }

  /**
   * Creates a client API key and returns the raw key. A random suffix keeps names unique when
   * several runs share one external database.
   */
  public String createApiKey(String name) {
    return server.storage().apiKeys().create(name + "-" + java.util.UUID.randomUUID());
  }

  public Open311Server server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }
}
