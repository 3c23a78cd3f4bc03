package dev.open311.storage.repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The current time as it will be stored. */
final class Timestamps {

  private Timestamps() {}

  /**
   * Now from the clock, in UTC and cut to microseconds, PostgreSQL's precision: the value the
   * caller holds is then exactly the value read back.
   */
  static OffsetDateTime now(Clock clock) {
    return OffsetDateTime.now(clock)
        .withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.MICROS);
  }
}
