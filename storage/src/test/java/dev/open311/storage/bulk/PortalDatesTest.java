package dev.open311.storage.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
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
    assertEquals(
        OffsetDateTime.parse("2019-07-04T13:05:00-05:00"), parse("07/04/2019 01:05:00 PM"));
    assertEquals(
        OffsetDateTime.parse("2019-07-04T12:00:00.5-05:00"), parse("2019-07-04T12:00:00.5"));
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
        new String[] {
          "yesterday",
          "13/45/2020 10:00:00 AM",
          "2019-02-30T00:00:00",
          "01/01/2019 13:00:00 PM",
          "2019-01-01T00:00",
          "2019-01-01T00:00:00+01:00"
        }) {
      BadRowException e = assertThrows(BadRowException.class, () -> parse(bad), bad);
      assertEquals("CREATED_DATE is not a date: " + bad, e.getMessage());
    }
  }

  @Test
  void aDayMustBeInItsMonthAndAYearHaveFourDigits() throws BadRowException {
    assertEquals(
        OffsetDateTime.parse("2020-02-29T10:00:00-06:00"), parse("02/29/2020 10:00:00 AM"));
    assertEquals(
        OffsetDateTime.parse("2000-02-29T10:00:00-06:00"), parse("2000-02-29T10:00:00"));
    for (String bad :
        new String[] {
          "02/29/2019 10:00:00 AM", "1900-02-29T10:00:00", "04/31/2019 10:00:00 AM",
          "2019-01-01T24:00:00", "2019-01-01T23:60:00", "0000-01-01T00:00:00",
          "01/01/20199 10:00:00 AM", "01/01/999999999 10:00:00 AM"
        }) {
      assertThrows(BadRowException.class, () -> parse(bad), bad);
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
    for (String zoneName :
        new String[] {"America/Chicago", "UTC", "Europe/Dublin", "Asia/Kolkata"}) {
      ZoneId zone = ZoneId.of(zoneName);
      // Every 7 minutes 13 seconds over three years: each changeover, its skipped and doubled hour;
      // then the change from local mean time, the war years and rules beyond the zone's table.
      scan(LocalDateTime.of(2018, 1, 1, 0, 0), 2021, 7 * 60 + 13, zone, api, csv);
      scan(LocalDateTime.of(1883, 11, 1, 0, 0), 1884, 61, zone, api, csv);
      scan(LocalDateTime.of(1918, 1, 1, 0, 0), 1922, 3607, zone, api, csv);
      scan(LocalDateTime.of(1940, 1, 1, 0, 0), 1947, 3607, zone, api, csv);
      scan(LocalDateTime.of(2036, 1, 1, 0, 0), 2040, 3607, zone, api, csv);
      // The seconds either side of each change, the stretch before it known already.
      ZoneOffsetTransition change =
          zone.getRules().nextTransition(Instant.parse("1850-01-01T00:00:00Z"));
      for (;
          change != null && change.getInstant().isBefore(Instant.parse("2040-01-01T00:00:00Z"));
          change = zone.getRules().nextTransition(change.getInstant())) {
        LocalDateTime first =
            change.getDateTimeBefore().isBefore(change.getDateTimeAfter())
                ? change.getDateTimeBefore()
                : change.getDateTimeAfter();
        LocalDateTime last =
            change.getDateTimeBefore().isBefore(change.getDateTimeAfter())
                ? change.getDateTimeAfter()
                : change.getDateTimeBefore();
        assertParsedAsJavaTime(first.minusHours(1), zone, api, csv);
        for (LocalDateTime local = first.minusSeconds(2);
            !local.isAfter(last.plusSeconds(2));
            local = local.plusSeconds(1)) {
          if (local.equals(first.plusSeconds(2)) && last.isAfter(first.plusSeconds(4))) {
            local = last.minusSeconds(3); // the middle of the gap or overlap is not interesting
          }
          assertParsedAsJavaTime(local, zone, api, csv);
        }
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

  private static void scan(
      LocalDateTime local,
      int untilYear,
      int step,
      ZoneId zone,
      DateTimeFormatter api,
      DateTimeFormatter csv)
      throws BadRowException {
    for (; local.getYear() < untilYear; local = local.plusSeconds(step)) {
      assertParsedAsJavaTime(local, zone, api, csv);
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
