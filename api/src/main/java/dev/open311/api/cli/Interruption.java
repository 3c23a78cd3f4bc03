package dev.open311.api.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;

/**
 * Ctrl-C (or SIGTERM) during a bulk command: one line saying what was kept and how to go on,
 * instead of the stack traces of the database connections closed under the running command.
 */
final class Interruption implements AutoCloseable {

  private final Thread hook;
  private volatile boolean happened;

  Interruption(PrintWriter err, String advice) {
    hook =
        new Thread(
            () -> {
              happened = true;
              quiet();
              err.println();
              err.println("interrupted: " + advice);
              err.flush();
            },
            "interruption");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * From now on nothing is logged. Stopping the embedded PostgreSQL under the running command
   * (its own exit hook, beside this one) breaks the command's connections: the pool logged a
   * warning with a stack trace for each, a background refresh its failure, a migration under way
   * errors of its own; all of it the consequence of what the line above already says.
   */
  private static void quiet() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLoggerList().stream()
          .filter(logger -> logger.getLevel() != null)
          .forEach(logger -> logger.setLevel(Level.OFF));
    }
  }

  /** True once the process is shutting down: failures from then on are its consequence. */
  boolean happened() {
    return happened;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook has run or is running; nothing to remove.
    }
  }
}
