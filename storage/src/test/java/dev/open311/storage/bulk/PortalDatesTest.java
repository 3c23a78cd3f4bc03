package dev.open311.storage.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneId;
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
}
