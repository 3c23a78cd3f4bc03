package dev.open311.storage.bulk;

import dev.open311.storage.Storage;
import dev.open311.storage.TestDatabases;

/** Reads one text value straight from the tables. */
final class TestDatabasesView {

  private TestDatabasesView() {}

  static String text(Storage storage, String sql) {
    return TestDatabases.jdbi(storage)
        .withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
  }
}
