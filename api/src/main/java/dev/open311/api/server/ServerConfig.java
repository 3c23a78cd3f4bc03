package dev.open311.api.server;

import dev.open311.storage.DatabaseConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything the server is started with, read from flags and environment and checked once.
 *
 * @param host the address to listen on
 * @param port the port, 0 for any free port
 * @param database where the data lives (embedded in a data directory, or an external URL)
 * @param endpointType the discovery {@code type}: {@code production} or {@code test}
 * @param loadDemoCatalog load the Chicago demo catalog when the database has no catalog yet
 */
public record ServerConfig(
    String host, int port, DatabaseConfig database, String endpointType, boolean loadDemoCatalog) {

  public ServerConfig {
    List<String> problems = new ArrayList<>();
    if (port < 0 || port > 65535) {
      problems.add("port " + port + " is not between 0 and 65535");
    }
    endpointType = endpointType == null ? "production" : endpointType.toLowerCase(Locale.ROOT);
    if (!endpointType.equals("production") && !endpointType.equals("test")) {
      problems.add("endpoint type must be production or test, not " + endpointType);
    }
    if (database == null) {
      problems.add("a database is required");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }
}
