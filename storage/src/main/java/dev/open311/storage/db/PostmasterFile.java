package dev.open311.storage.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} file PostgreSQL keeps in its data directory while it runs: line 1 is
 * the postmaster's process id, line 4 the TCP port it listens on (a file caught while the server
 * starts may not have line 4 yet, hence port 0).
 */
record PostmasterFile(long pid, int port) {

  static final String NAME = "postmaster.pid";

  /** The file's content, if there is a file with a process id in it. */
  static Optional<PostmasterFile> read(Path dataDirectory) {
    List<String> lines;
    try {
      lines = Files.readAllLines(dataDirectory.resolve(NAME), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + dataDirectory.resolve(NAME), e);
    }
    return parse(lines);
  }

  static Optional<PostmasterFile> parse(List<String> lines) {
    try {
      long pid = Long.parseLong(lines.get(0).trim());
      int port = lines.size() > 3 ? Integer.parseInt(lines.get(3).trim()) : 0;
      return Optional.of(new PostmasterFile(pid, port));
    } catch (IndexOutOfBoundsException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * True when the process is alive and is a postgres one. A crash leaves a stale file behind, and
   * its pid may since have gone to an unrelated process; the command check catches that.
   */
  boolean isAlive() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(true))
        .orElse(false);
  }
}
