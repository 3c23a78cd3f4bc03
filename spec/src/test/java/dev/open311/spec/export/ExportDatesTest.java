package dev.open311.spec.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.open311.spec.format.W3cDates;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExportDatesTest {

  @Test
  void rendersExactlyAsTheApiDoesInEveryZone() {
    Random random = new Random(311);
    String[] zones = {"America/Chicago", "UTC", "Asia/Kolkata", "America/St_Johns", "Europe/Berlin"};
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(-2_500_000_000L, 4_000_000_000L), 
          random.nextInt(1_000_000_000));
      OffsetDateTime value =
          instant.atZone(ZoneId.of(zones[i % zones.length])).toOffsetDateTime();
      assertEquals(W3cDates.format(value), ExportDates.format(value), value::toString);
    }
  }
}
