package dev.open311.api;

import dev.open311.api.bench.BenchCommand;
import dev.open311.api.cli.ApiKeyCommand;
import dev.open311.api.cli.AreasCommand;
import dev.open311.api.cli.CatalogCommand;
import dev.open311.api.cli.ExportCommand;
import dev.open311.api.cli.GenerateCommand;
import dev.open311.api.cli.ImportCommand;
import dev.open311.api.cli.RequestsCommand;
import dev.open311.api.cli.ServeCommand;
import dev.open311.spec.catalog.CatalogFiles.InvalidCatalogException;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of the runnable jar. No subcommand means {@code serve}.
 *
 * <pre>java -jar api/target/open311-server.jar [serve|apikey|catalog|areas|import|export|generate] --help</pre>
 */
@Command(
    name = "open311-server",
    mixinStandardHelpOptions = true,
    version = "open311-server 0.1.0",
    description = "An Open311 GeoReport v2 server on PostgreSQL.",
    subcommands = {
      ServeCommand.class,
      ApiKeyCommand.class,
      CatalogCommand.class,
      AreasCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      GenerateCommand.class,
      RequestsCommand.class,
      BenchCommand.class
    })
public final class Main {

  private static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code. */
  public static int run(String... args) {
    String[] effective =
        args.length == 0 || (args[0].startsWith("-") && !ROOT_OPTIONS.contains(args[0]))
            ? prepend("serve", args)
            : args;
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(Main::explain)
        .execute(effective);
  }

  private static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** Known failures print one clear line; anything else its stack trace too. */
  private static int explain(Exception e, CommandLine commandLine, CommandLine.ParseResult result) {
    if (e instanceof InvalidCatalogException invalid) {
      commandLine.getErr().println("The catalog cannot be loaded:");
      invalid.problems().forEach(p -> commandLine.getErr().println("  - " + p));
      return 2;
    }
    if (e instanceof IllegalArgumentException || e instanceof java.io.IOException) {
      commandLine.getErr().println("error: " + e.getMessage());
      return 2;
    }
    commandLine.getErr().println("error: " + e);
    e.printStackTrace(commandLine.getErr());
    return 1;
  }

}
