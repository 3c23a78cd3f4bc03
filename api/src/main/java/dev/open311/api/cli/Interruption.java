package dev.open311.api.cli;

import java.io.PrintWriter;

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
              err.println();
              err.println("interrupted: " + advice);
              err.flush();
            },
            "interruption");
    Runtime.getRuntime().addShutdownHook(hook);
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
