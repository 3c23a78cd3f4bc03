package dev.open311.api.cli;

import dev.open311.api.server.Open311Server;
import dev.open311.api.server.ServerConfig;
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

  @Mixin DatabaseOptions database;

  @Override
  public Integer call() throws InterruptedException {
    ServerConfig config =
        new ServerConfig(host, port, database.config(), endpointType, !noDemoCatalog);
    Open311Server server = Open311Server.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    System.err.println("Open311 GeoReport v2 server listening at " + server.baseUrl());
    server.join();
    return 0;
  }
}
