package dev.open311.api.cli;

import dev.open311.spec.error.Open311Exception;
import dev.open311.spec.format.W3cDates;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.Status;
import dev.open311.spec.rule.JurisdictionRules;
import dev.open311.storage.Storage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code requests}: an operator's changes to filed requests, which the updates feed then shows. */
@Command(
    name = "requests",
    mixinStandardHelpOptions = true,
    description = "Change filed service requests.",
    subcommands = {RequestsCommand.Update.class})
public final class RequestsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description =
          "Set a request's status and/or add a public note, in one transaction. Closing sets"
              + " status_notes to the note and the closing time; every change is a note in the"
              + " request's history and in servicerequestupdates.")
  static final class Update implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The service_request_id.")
    String serviceRequestId;

    @Option(names = "--status", paramLabel = "open|closed", description = "The new status.")
    String status;

    @Option(names = "--note", paramLabel = "TEXT", description = "Public text shown with the change.")
    String note;

    @Option(
        names = "--jurisdiction",
        paramLabel = "ID",
        description = "The jurisdiction_id; needed only when several are served.")
    String jurisdictionId;

    @Mixin DatabaseOptions database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Status newStatus = null;
      if (status != null) {
        newStatus = Status.parse(status).orElse(null);
        if (newStatus == null) {
          err.println("error: --status takes open or closed, not " + status);
          return 2;
        }
      }
      try (Storage storage = Storage.open(database.config())) {
        Jurisdiction jurisdiction =
            JurisdictionRules.resolve(jurisdictionId, storage.catalog().jurisdictions());
        ServiceRequest updated =
            storage
                .serviceRequests()
                .update(jurisdiction.jurisdictionId(), serviceRequestId, newStatus, note);
        spec.commandLine()
            .getOut()
            .printf(
                "request %s is %s (updated %s)%n",
                updated.serviceRequestId(),
                updated.status().wireName(),
                W3cDates.format(updated.updatedDatetime()));
        return 0;
      } catch (Open311Exception e) {
        err.println("error: " + e.getMessage());
        return e.status() == 404 ? 1 : 2;
      }
    }
  }
}
