package dev.open311.api.cli;

import dev.open311.storage.Storage;
import dev.open311.storage.bulk.ChicagoCsvImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import}: bulk loads of request data from other systems. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import service requests in bulk.",
    subcommands = {ImportCommand.ChicagoCsv.class})
public final class ImportCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(
      name = "chicago-csv",
      mixinStandardHelpOptions = true,
      // One string per paragraph: picocli starts a line for each and wraps it to the width.
      description = {
        "Import a Chicago data-portal \"311 Service Requests\" CSV export.",
        "Rows are upserted on SR_NUMBER; missing services are created; bad rows are reported"
            + " with their line numbers and skipped. Each batch commits on its own: an"
            + " interrupted import resumes where it stopped, and a finished one is not redone"
            + " (see --restart)."
      })
  static final class ChicagoCsv implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Option(
        names = "--jurisdiction",
        defaultValue = "cityofchicago.org",
        description = "Jurisdiction the requests belong to (default ${DEFAULT-VALUE}).")
    String jurisdiction;

    @Option(
        names = "--batch-size",
        defaultValue = "10000",
        description = "Rows per transaction (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
        names = "--restart",
        description = "Import the file from its first row even if it was imported before.")
    boolean restart;

    @Option(
        names = "--workers",
        defaultValue = "2",
        description = "Batches written at once, each on its own connection (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(
        names = "--bulk",
        negatable = true,
        description =
            "Load in bulk: drop the secondary indexes, load, build them again (faster for big"
                + " loads). Default: in bulk when no request is stored yet and the file starts"
                + " afresh; --no-bulk never.")
    Boolean bulk;

    // Stops after this many batches as if interrupted; for tests of resuming.
    @Option(names = "--max-batches", hidden = true, defaultValue = "0")
    int maxBatches;

    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      try (Interruption interruption =
          new Interruption(
              spec.commandLine().getErr(),
              "run the same command again to resume after the last recorded batch")) {
        try {
          return execute();
        } catch (RuntimeException | IOException e) {
          if (interruption.happened()) {
            return 130;
          }
          throw e;
        }
      }
    }

    private ChicagoCsvImport.Bulk bulkMode() {
      if (bulk == null) {
        return ChicagoCsvImport.Bulk.AUTO;
      }
      return bulk ? ChicagoCsvImport.Bulk.ALWAYS : ChicagoCsvImport.Bulk.NEVER;
    }

    private Integer execute() throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(file + " is not a file");
      }
      PrintWriter out = spec.commandLine().getOut();
      // The import's own connection (it holds the bulk-load lock), one per worker, and one for
      // the area index's refresh.
      try (Storage storage = Storage.open(database.config(workers + 2))) {
        // Started once the database is up, so the rate counts rows, not start-up.
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), "imported");
        BulkCatalog.ensure(storage);
        ChicagoCsvImport.Result result =
            storage
                .bulk()
                .chicagoImport()
                .run(
                    file,
                    jurisdiction,
                    new ChicagoCsvImport.Options(batchSize, maxBatches, restart, workers, bulkMode()),
                    new ChicagoCsvImport.Listener() {
                      @Override
                      public void badRow(long line, String reason) {
                        progress.message("line " + line + ": " + reason + " (skipped)");
                      }

                      @Override
                      public void progress(long rows, long bytesRead, long bytesTotal) {
                        progress.update(rows, bytesRead / (double) Math.max(1, bytesTotal));
                      }

                      @Override
                      public void buildingIndexes(int count) {
                        progress.message("rows loaded; building " + count + " indexes again");
                      }

                      @Override
                      public void indexBuilt(String name, int built, int count) {
                        progress.message(
                            "  built " + name + " (" + built + " of " + count + ", "
                                + progress.elapsed() + " in all)");
                      }
                    });
        if (result.alreadyImported()) {
          out.printf(
              "%s was imported already (%,d rows, %,d bad rows skipped); nothing to do."
                  + " Use --restart to import it again.%n",
              file, result.imported(), result.rejected());
          return 0;
        }
        progress.finish(result.imported());
        out.printf(
            "%s %s: %,d rows imported, %,d bad rows skipped, %d services created%s%s%n",
            result.finished() ? "imported" : "stopped early importing",
            file,
            result.imported(),
            result.rejected(),
            result.servicesCreated(),
            result.resumedAtLine() > 2 ? " (resumed at line " + result.resumedAtLine() + ")" : "",
            result.bulk()
                ? String.format(
                    Locale.ROOT,
                    " (bulk load, %d indexes built in %.1f s)",
                    result.indexesBuilt(),
                    result.indexBuildTime().toMillis() / 1000.0)
                : "");
        out.flush();
        return 0;
      }
    }
  }
}
