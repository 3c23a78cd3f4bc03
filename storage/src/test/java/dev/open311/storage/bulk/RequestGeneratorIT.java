package dev.open311.storage.bulk;

import static dev.open311.storage.bulk.BulkFixtures.CHICAGO;
import static dev.open311.storage.bulk.BulkFixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** generate makes the number asked for, and the rows look like a city's. */
@ExtendWith(SharedStorage.class)
class RequestGeneratorIT {

  private static final int N = 10_000;

  private final Storage storage;
  private final TestClock clock;

  RequestGeneratorIT(Storage storage, TestClock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  @Test
  void makesNRealisticRequestsInCommittedBatches() {
    BulkFixtures.loadCatalog(storage);
    List<Long> progress = new ArrayList<>();
    long made = storage.bulk().generator(clock).generate(CHICAGO, N, 42L, 3_000, 2, progress::add);

    assertEquals(N, made);
    assertEquals(4, progress.size(), "one report per committed batch");
    assertEquals(N, progress.get(3));
    assertEquals(N, count(storage, "select count(*) from service_request"));
    assertEquals(0, count(storage, "select count(*) from service_request where lat not between"
        + " 41.64 and 42.02 or long not between -87.94 and -87.52 or location[0] <> long"));
    assertEquals(0, count(storage, "select count(*) from service_request"
        + " where requested_at > updated_at or updated_at > '" + clock.instant() + "'"));
    assertEquals(0, count(storage, "select count(*) from service_request where requested_at"
        + " < timestamptz '" + clock.instant() + "' - interval '5 years 2 days'"));
    assertEquals(0, count(storage, "select count(*) from service_request where (status = 'closed')"
        + " <> (closed_at is not null) or closed_at < requested_at"));
    assertEquals(N, count(storage, "select count(*) from service_request_note where type = 'opened'"));
    assertEquals(count(storage, "select count(*) from service_request where status = 'closed'"),
        count(storage, "select count(*) from service_request_note where type = 'closed'"));

    long old = count(storage, "select count(*) from service_request where requested_at"
        + " < timestamptz '" + clock.instant() + "' - interval '1 year'");
    long oldClosed = count(storage, "select count(*) from service_request where requested_at"
        + " < timestamptz '" + clock.instant() + "' - interval '1 year' and status = 'closed'");
    assertTrue(oldClosed > old * 0.95, "requests older than a year are mostly closed");

    long duplicates = count(storage, "select count(*) from service_request where duplicate");
    assertTrue(duplicates > N * 0.02 && duplicates < N * 0.04, "about 3% duplicates: " + duplicates);
    assertEquals(duplicates, count(storage, "select count(*) from service_request d join"
        + " service_request p on p.service_request_id = d.parent_service_request_id"));

    // The heaviest services dominate: street lights out outnumber water on the street.
    assertTrue(count(storage, "select count(*) from service_request where service_code = 'SFD'")
        > 3 * count(storage, "select count(*) from service_request where service_code = 'AAE'"));
    // Downtown is denser than the far north-west.
    assertTrue(count(storage, "select count(*) from service_request where lat between 41.87 and 41.90"
        + " and long between -87.645 and -87.61")
        > 3 * count(storage, "select count(*) from service_request where lat between 41.97 and 42.00"
        + " and long between -87.94 and -87.905"));
    // Weekdays are busier than Sundays, working hours than nights.
    assertTrue(count(storage, "select count(*) from service_request where extract(dow from"
        + " requested_at at time zone 'America/Chicago') = 3")
        > count(storage, "select count(*) from service_request where extract(dow from"
        + " requested_at at time zone 'America/Chicago') = 0") * 1.4);
    assertTrue(count(storage, "select count(*) from service_request where extract(hour from"
        + " requested_at at time zone 'America/Chicago') between 9 and 11")
        > 5 * count(storage, "select count(*) from service_request where extract(hour from"
        + " requested_at at time zone 'America/Chicago') between 2 and 4"));
    long channels = count(storage, "select count(distinct channel) from service_request");
    assertTrue(channels >= 5, "channels: " + channels);
  }

  @Test
  void aRerunAddsAsManyAgain() {
    BulkFixtures.loadCatalog(storage);
    storage.bulk().generator(clock).generate(CHICAGO, 500, 7L, 200, 2, done -> {});
    storage.bulk().generator(clock).generate(CHICAGO, 500, 7L, 200, 2, done -> {});
    assertEquals(1_000, count(storage, "select count(*) from service_request"));
    assertEquals(1_000, count(storage, "select count(distinct service_request_id) from service_request"));
  }
}
