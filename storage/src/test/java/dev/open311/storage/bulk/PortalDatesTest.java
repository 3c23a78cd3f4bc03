package dev.open311.storage.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PortalDatesTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  private static OffsetDateTime parse(String text) throws BadRowException {
    return PortalDates.parse(text, CHICAGO, "CREATED_DATE");
  }

  @Test
  void readsTheApiAndTheCsvFormsAsChicagoLocalTime() throws BadRowException {
    OffsetDateTime expected = OffsetDateTime.parse("2019-01-01T00:11:22-06:00");
    assertEquals(expected, parse("2019-01-01T00:11:22.000"));
    assertEquals(expected, parse("2019-01-01T00:11:22"));
    assertEquals(expected, parse("2019-01-01 00:11:22"));
    assertEquals(expected, parse("01/01/2019 12:11:22 AM"));
    assertEquals(expected, parse("1/1/2019 12:11:22 AM"));
    assertEquals(OffsetDateTime.parse("2019-07-04T13:05:00-05:00"), parse("07/04/2019 01:05:00 PM"));
    assertEquals(OffsetDateTime.parse("2019-07-04T12:00:00.5-05:00"), parse("2019-07-04T12:00:00.5"));
  }

  @Test
  void daylightSavingGapsMoveForwardAndOverlapsTakeTheEarlierInstant() throws BadRowException {
    assertEquals(OffsetDateTime.parse("2019-03-10T03:30:00-05:00"), parse("2019-03-10T02:30:00"));
    assertEquals(OffsetDateTime.parse("2019-11-03T01:30:00-05:00"), parse("2019-11-03T01:30:00"));
  }

  @Test
  void emptyIsAbsentAndAnythingElseIsABadRowNamingTheColumn() throws BadRowException {
    assertNull(parse(""));
    for (String bad :
        new String[] {"yesterday", "13/45/2020 10:00:00 AM", "2019-02-30T00:00:00",
          "01/01/2019 13:00:00 PM", "2019-01-01T00:00", "2019-01-01T00:00:00+01:00"}) {
      BadRowException e = assertThrows(BadRowException.class, () -> parse(bad), bad);
      assertEquals("CREATED_DATE is not a date: " + bad, e.getMessage());
    }
  }

  @Test
  void twelveOClockIsMidnightAsAmAndNoonAsPm() throws BadRowException {
    assertEquals(OffsetDateTime.parse("2019-01-01T00:00:00-06:00"), parse("1/1/2019 12:00:00 AM"));
    assertEquals(OffsetDateTime.parse("2019-01-01T12:00:00-06:00"), parse("1/1/2019 12:00:00 PM"));
    assertEquals(OffsetDateTime.parse("2019-01-01T11:59:59-06:00"), parse("1/1/2019 11:59:59 AM"));
    assertEquals(OffsetDateTime.parse("2019-01-01T23:59:59-06:00"), parse("1/1/2019 11:59:59 PM"));
  }

  @Test
  void everyLocalTimeGetsTheOffsetJavaTimeGivesIt() throws BadRowException {
    DateTimeFormatter api = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
    DateTimeFormatter csv = DateTimeFormatter.ofPattern("MM/dd/uuuu hh:mm:ss a", Locale.ROOT);
    for (String zoneName : new String[] {"America/Chicago", "UTC", "Europe/Dublin", "Asia/Kolkata"}) {
      ZoneId zone = ZoneId.of(zoneName);
      // Every 7 minutes 13 seconds over three years: each changeover, its skipped and doubled hour.
      LocalDateTime local = LocalDateTime.of(2018, 1, 1, 0, 0);
      while (local.getYear() < 2021) {
        assertParsedAsJavaTime(local, zone, api, csv);
        local = local.plusSeconds(7 * 60 + 13);
      }
      // And a scattering over the zone's history and future: local mean time, war time, rules.
      Random random = new Random(311);
      for (int i = 0; i < 20_000; i++) {
        LocalDateTime someTime =
            LocalDateTime.of(1850, 1, 1, 0, 0).plusSeconds(random.nextInt(Integer.MAX_VALUE) * 4L);
        assertParsedAsJavaTime(someTime, zone, api, csv);
      }
    }
  }

  private static void assertParsedAsJavaTime(
      LocalDateTime local, ZoneId zone, DateTimeFormatter api, DateTimeFormatter csv)
      throws BadRowException {
    OffsetDateTime expected = local.atZone(zone).toOffsetDateTime();
    assertEquals(expected, PortalDates.parse(api.format(local), zone, "D"), api.format(local));
    assertEquals(expected, PortalDates.parse(csv.format(local), zone, "D"), csv.format(local));
  }
}
