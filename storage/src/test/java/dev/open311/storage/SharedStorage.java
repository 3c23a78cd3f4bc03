package dev.open311.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link Storage} for every test class of the run, so the embedded PostgreSQL starts once.
 * Before each test every table is emptied and the {@link TestClock} set back to its start, so tests
 * do not see each other's rows. Test classes take {@code Storage} and {@code TestClock} as
 * constructor or method parameters.
 */
public final class SharedStorage implements BeforeEachCallback, ParameterResolver {

  @Override
  public void beforeEach(ExtensionContext context) {
    Database database = database(context);
    TestDatabases.deleteAllRows(database.storage);
    database.clock.set(TestClock.START);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Storage.class || type == TestClock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Database database = database(context);
    return parameter.getParameter().getType() == Storage.class ? database.storage : database.clock;
  }

  private static Database database(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(SharedStorage.class))
        .computeIfAbsent(Database.class, key -> new Database(), Database.class);
  }

  /** Closed by JUnit when the whole run ends: stops PostgreSQL, then removes its directory. */
  private static final class Database implements AutoCloseable {
    private final Path directory;
    private final TestClock clock = new TestClock();
    private final Storage storage;

    Database() {
      try {
        directory = Files.createTempDirectory("open311-storage-it");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      storage = TestDatabases.openEmpty(directory, clock);
    }

    @Override
    public void close() {
      storage.close();
      TestDatabases.deleteDirectory(directory);
    }
  }
}
