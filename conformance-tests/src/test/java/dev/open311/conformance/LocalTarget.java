package dev.open311.conformance;

import dev.open311.api.LocalServer;

/**
 * Starts our own server when no {@code open311.baseUrl} is given. The only class of this suite that
 * touches our code: everything else speaks HTTP to whatever {@link Target} names.
 */
final class LocalTarget {
  record Started(String baseUrl, String apiKey) {}

  private LocalTarget() {}

  /** Starts the server once; a JVM shutdown hook stops it after the last test class. */
  static Started start() {
    LocalServer server = LocalServer.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "open311-conformance-stop"));
    return new Started(server.baseUrl(), server.createApiKey("conformance-tests"));
  }
}
