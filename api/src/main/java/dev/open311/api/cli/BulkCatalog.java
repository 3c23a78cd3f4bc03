package dev.open311.api.cli;

import dev.open311.api.server.Open311Server;
import dev.open311.spec.catalog.CatalogFiles;
import dev.open311.spec.error.Open311Exception;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.rule.JurisdictionRules;
import dev.open311.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The catalog the bulk commands work on, with serve's rule: an empty database gets the demo. */
final class BulkCatalog {

  private BulkCatalog() {}

  /** Loads the demo catalog into a database without any, as {@code serve} does. */
  static void ensure(Storage storage) {
    if (!storage.catalog().isEmpty()) {
      return;
    }
    String name = Open311Server.DEMO_CATALOG;
    try (InputStream in = BulkCatalog.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      storage.catalog().load(CatalogFiles.read(in, name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The named jurisdiction, or the only one when none is named. */
  static Jurisdiction jurisdiction(Storage storage, String requested) {
    try {
      return JurisdictionRules.resolve(requested, storage.catalog().jurisdictions());
    } catch (Open311Exception e) {
      throw new IllegalArgumentException(
          "--jurisdiction: " + String.join("; ", e.errors().stream().map(x -> x.description()).toList()));
    }
  }
}
