package dev.open311.api.cli;

import dev.open311.spec.format.W3cDates;
import dev.open311.spec.port.ApiKeys;
import dev.open311.storage.Storage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code apikey}: client keys for POST. Keys are stored hashed and shown once. */
@Command(
    name = "apikey",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke client API keys.",
    subcommands = {
      ApiKeyCommand.Create.class,
      ApiKeyCommand.ListKeys.class,
      ApiKeyCommand.Revoke.class
    })
public final class ApiKeyCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a key; the key alone is printed as the last line of stdout.")
  static final class Create implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "Who the key is for, e.g. an app's name.")
    String name;

    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Storage storage = Storage.open(database.config())) {
        String key = storage.apiKeys().create(name);
        PrintWriter out = spec.commandLine().getOut();
        out.println("# API key for " + name + " (shown once; only its hash is stored):");
        out.println(key);
        out.flush();
        return 0;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never the keys themselves).")
  static final class ListKeys implements Callable<Integer> {
    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Storage storage = Storage.open(database.config())) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-30s %-12s %-26s %s%n", "NAME", "PREFIX", "CREATED", "REVOKED");
        for (ApiKeys.ApiKeyInfo key : storage.apiKeys().list()) {
          out.printf(
              "%-30s %-12s %-26s %s%n",
              key.name(),
              key.prefix(),
              W3cDates.format(key.createdAt()),
              key.revokedAt() == null ? "-" : W3cDates.format(key.revokedAt()));
        }
        out.flush();
        return 0;
      }
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke the active key of that name.")
  static final class Revoke implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The key's name.")
    String name;

    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Storage storage = Storage.open(database.config())) {
        if (!storage.apiKeys().revoke(name)) {
          spec.commandLine().getErr().println("no active key is named " + name);
          return 1;
        }
        spec.commandLine().getOut().println("revoked " + name);
        return 0;
      }
    }
  }
}
