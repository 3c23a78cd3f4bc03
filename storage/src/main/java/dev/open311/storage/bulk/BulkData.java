package dev.open311.storage.bulk;

import dev.open311.spec.export.RequestFeed;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The bulk operations of the command line, on the storage's connections. */
public final class BulkData {

  private final Jdbi jdbi;

  public BulkData(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public ChicagoCsvImport chicagoImport() {
    return new ChicagoCsvImport(jdbi);
  }

  public RequestGenerator generator(Clock clock) {
    return new RequestGenerator(jdbi, clock);
  }

  public RequestFeed feed() {
    return new PostgresRequestFeed(jdbi);
  }
}
