package dev.open311.api.cli;

import dev.open311.spec.catalog.CatalogDocument;
import dev.open311.spec.catalog.CatalogFiles;
import dev.open311.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code catalog}: load and export jurisdictions, groups, services and definitions. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Load (upsert) or export the service catalog as JSON or YAML.",
    subcommands = {CatalogCommand.Load.class, CatalogCommand.Export.class})
public final class CatalogCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description = "Upsert a catalog file (.json, .yaml or .yml) in one transaction; running it again is safe.")
  static final class Load implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The catalog file.")
    Path file;

    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      CatalogDocument document;
      try (InputStream in = Files.newInputStream(file)) {
        document = CatalogFiles.read(in, file.getFileName().toString());
      }
      try (Storage storage = Storage.open(database.config())) {
        int services = storage.catalog().load(document);
        spec.commandLine()
            .getOut()
            .printf(
                "loaded %d jurisdiction(s) and %d service(s) from %s%n",
                document.jurisdictions().size(), services, file);
        return 0;
      }
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write the catalog in the format catalog load accepts.")
  static final class Export implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, description = "File to write (default: stdout).")
    Path output;

    @Option(
        names = "--format",
        defaultValue = "json",
        description = "json or yaml when writing to stdout (a file's extension decides otherwise).")
    String format;

    @Mixin DatabaseOptions database;

    @Override
    public Integer call() throws IOException {
      try (Storage storage = Storage.open(database.config())) {
        CatalogDocument document = storage.catalog().export();
        if (output == null) {
          CatalogFiles.write(document, new NonClosing(System.out), "stdout." + format);
          System.out.println();
        } else {
          try (OutputStream out = Files.newOutputStream(output)) {
            CatalogFiles.write(document, out, output.getFileName().toString());
          }
        }
        return 0;
      }
    }
  }

  /** Keeps Jackson from closing stdout. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
