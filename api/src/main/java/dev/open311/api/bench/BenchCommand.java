package dev.open311.api.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: helpers for {@code bench/run.sh}, which drives the real server with wrk: the
 * plain-Jetty ceiling measured in the same run, and the synthetic Chicago CSV the import reads.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmark helpers for bench/run.sh (see the README, Benchmarks).",
    subcommands = {BenchCommand.Ceiling.class, BenchCommand.ChicagoCsvFile.class})
public final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(
      name = "ceiling",
      mixinStandardHelpOptions = true,
      description = "Serve a constant JSON body on every path with plain Jetty, until stopped.")
  static final class Ceiling implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Default ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "8081", description = "Default ${DEFAULT-VALUE}.")
    int port;

    @Override
    public Integer call() throws Exception {
      try (CeilingServer server = CeilingServer.start(host, port)) {
        System.err.println("plain Jetty ceiling listening at http://" + host + ":" + server.port() + "/");
        server.join();
      }
      return 0;
    }
  }

  @Command(
      name = "chicago-csv",
      mixinStandardHelpOptions = true,
      description = "Write synthetic rows in the Chicago data-portal CSV layout, for import.")
  static final class ChicagoCsvFile implements Callable<Integer> {
    @Option(names = "--rows", required = true, description = "How many rows.")
    long rows;

    @Option(names = {"-o", "--output"}, required = true, description = "The file to write.")
    Path output;

    @Override
    public Integer call() throws IOException {
      try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        ChicagoCsv.write(out, rows);
      }
      return 0;
    }
  }
}
