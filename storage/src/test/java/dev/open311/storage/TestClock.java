package dev.open311.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests set and move by hand, so stored times are known in advance. */
public final class TestClock extends Clock {

  /** A winter instant: Chicago is at -06:00 then. */
  public static final Instant START = Instant.parse("2026-01-15T18:00:00Z");

  private volatile Instant now = START;

  public void set(Instant instant) {
    now = instant;
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("storage reads instants only");
  }
}
