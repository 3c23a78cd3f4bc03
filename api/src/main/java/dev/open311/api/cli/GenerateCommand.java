package dev.open311.api.cli;

import dev.open311.spec.model.Jurisdiction;
import dev.open311.storage.Storage;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: synthetic requests for benchmarks and demos. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description =
        "Add N synthetic, Chicago-like service requests (with their notes) for benchmarks and"
            + " demos. Every run adds N more; each batch commits on its own, so an interrupted run"
            + " keeps what it made. Area tags are not set: run `areas retag` afterwards.")
public final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--requests", required = true, description = "How many requests to add.")
  long requests;

  @Option(names = "--seed", description = "Makes the run repeatable (same catalog, same day).")
  Long seed;

  @Option(
      names = "--jurisdiction",
      description = "Jurisdiction to add to (default: the only one served).")
  String jurisdiction;

  @Option(
      names = "--batch-size",
      defaultValue = "100000",
      description = "Requests per transaction (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--workers",
      defaultValue = "2",
      description = "Batches made at once, each on its own connection (default ${DEFAULT-VALUE}).")
  int workers;

  @Mixin DatabaseOptions database;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (Interruption interruption =
        new Interruption(
            spec.commandLine().getErr(),
            "the batches committed so far are kept; a new run adds --requests more")) {
      try {
        return execute();
      } catch (RuntimeException e) {
        if (interruption.happened()) {
          return 130;
        }
        throw e;
      }
    }
  }

  private Integer execute() {
    if (requests < 1) {
      throw new IllegalArgumentException("--requests must be at least 1");
    }
    // One connection per worker, beside the command's own and the area index's refresh.
    try (Storage storage = Storage.open(database.config(workers + 2))) {
      // Started once the database is up, so the rate counts rows, not start-up.
      ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), "generated");
      BulkCatalog.ensure(storage);
      Jurisdiction target = BulkCatalog.jurisdiction(storage, jurisdiction);
      long made =
          storage
              .bulk()
              .generator(Clock.systemUTC())
              .generate(
                  target.jurisdictionId(),
                  requests,
                  seed,
                  batchSize,
                  workers,
                  done -> progress.update(done, done / (double) requests));
      progress.finish(made);
      spec.commandLine()
          .getOut()
          .printf("generated %,d requests in %s%n", made, target.jurisdictionId());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
