package dev.open311.api.cli;

import dev.open311.api.server.Open311Server;
import dev.open311.api.server.ServerConfig;
import dev.open311.storage.DatabaseConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: runs the GeoReport v2 server until stopped (Ctrl-C or SIGTERM). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the GeoReport v2 server (the default command).")
public final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--host",
      defaultValue = "${env:OPEN311_HOST:-0.0.0.0}",
      description = "Address to listen on (env OPEN311_HOST; default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "${env:OPEN311_PORT:-8080}",
      description = "Port to listen on, 0 for any (env OPEN311_PORT; default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--endpoint-type",
      defaultValue = "${env:OPEN311_ENDPOINT_TYPE:-production}",
      description = "Discovery endpoint type: production or test (env OPEN311_ENDPOINT_TYPE; default ${DEFAULT-VALUE}).")
  String endpointType;

  @Option(
      names = "--no-demo-catalog",
      negatable = false,
      description = "Do not load the Chicago demo catalog into an empty database.")
  boolean noDemoCatalog;

  @Option(
      names = "--db-concurrency",
      paramLabel = "N",
      defaultValue = "${env:OPEN311_DB_CONCURRENCY:-0}",
      description =
          "Reads of requests on the database at once; the others wait their turn, first come,"
              + " first served. Filings, exports and catalog reads do not wait. At most the pool"
              + " size less one (env OPEN311_DB_CONCURRENCY; default 0: twice the CPU cores, at"
              + " least 2).")
  int concurrency;

  @Mixin DatabaseOptions database;

  @Override
  public Integer call() throws InterruptedException {
    if (concurrency < 0) {
      throw new IllegalArgumentException("--db-concurrency must be 0 (twice the cores) or more");
    }
    ServerConfig config =
        new ServerConfig(
            host,
            port,
            database
                .config()
                .withConcurrency(
                    concurrency == 0 ? DatabaseConfig.defaultConcurrency() : concurrency),
            endpointType,
            !noDemoCatalog);
    Open311Server server = Open311Server.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    System.err.println("Open311 GeoReport v2 server listening at " + server.baseUrl());
    server.join();
    return 0;
  }
}
