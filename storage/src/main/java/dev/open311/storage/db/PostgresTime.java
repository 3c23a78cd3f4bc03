package dev.open311.storage.db;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * timestamptz in PostgreSQL's binary form: a signed count of microseconds from
 * 2000-01-01T00:00:00Z, as binary COPY and the driver's binary results carry it.
 */
public final class PostgresTime {

  private static final long EPOCH_SECONDS = 946_684_800L;

  private PostgresTime() {}

  /** The instant of a binary timestamptz. */
  public static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L),
        Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** The binary timestamptz of an instant (its offset does not matter). */
  public static long micros(OffsetDateTime value) {
    long seconds = value.toEpochSecond() - EPOCH_SECONDS;
    return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), value.getNano() / 1_000);
  }
}
