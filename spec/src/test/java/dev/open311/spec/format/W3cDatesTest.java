package dev.open311.spec.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GeoReport v2 datetimes: strict W3C output, lenient but zoned input (digest §0, §4.1). */
class W3cDatesTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  // format

  @Test
  void formatWritesWhatTheIsoPatternWritesInEveryZoneAndYear() {
    java.time.format.DateTimeFormatter pattern =
        java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    java.util.Random random = new java.util.Random(311);
    String[] zones = {
      "America/Chicago", "UTC", "Asia/Kathmandu", "America/St_Johns", "Pacific/Marquesas",
      "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Pago_Pago"
    };
    for (int i = 0; i < 20_000; i++) {
      long second = -62_000_000_000L + (long) (random.nextDouble() * 315_000_000_000L);
      OffsetDateTime value =
          java.time.Instant.ofEpochSecond(second, random.nextInt(1_000_000_000))
              .atZone(ZoneId.of(zones[i % zones.length]))
              .toOffsetDateTime();
      OffsetDateTime expected = value.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      if (expected.getOffset().getTotalSeconds() % 60 != 0) {
        expected = expected.withOffsetSameInstant(ZoneOffset.UTC);
      }
      assertEquals(pattern.format(expected), W3cDates.format(value), value::toString);
    }
  }

  @Test
  void writePutsExactlyWhatFormatReturnsWhereItIsToldAndSaysWhereItEnded() {
    java.util.Random random = new java.util.Random(311);
    java.util.List<OffsetDateTime> values = new java.util.ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      long second = -62_000_000_000L + (long) (random.nextDouble() * 315_000_000_000L);
      values.add(java.time.Instant.ofEpochSecond(second, random.nextInt(1_000_000_000))
          .atZone(ZoneId.of(i % 2 == 0 ? "America/Chicago" : "Asia/Kathmandu"))
          .toOffsetDateTime());
    }
    values.add(OffsetDateTime.MAX);
    values.add(OffsetDateTime.MIN);
    values.add(OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-5)));
    values.add(OffsetDateTime.of(-1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    values.add(OffsetDateTime.of(1850, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(-5, -50, -36)));
    for (OffsetDateTime value : values) {
      byte[] text = new byte[7 + W3cDates.MAX_LENGTH + 3];
      java.util.Arrays.fill(text, (byte) '#');
      int end = W3cDates.write(value, text, 7);
      String expected = W3cDates.format(value);
      assertEquals(7 + expected.length(), end, value::toString);
      assertEquals("#######" + expected + "#".repeat(text.length - end),
          new String(text, java.nio.charset.StandardCharsets.US_ASCII), value::toString);
    }
  }

  @Test
  void formatWritesSecondsAndAColonOffset() {
    OffsetDateTime value = OffsetDateTime.of(2024, 5, 2, 9, 14, 3, 0, ZoneOffset.ofHours(-5));

    assertEquals("2024-05-02T09:14:03-05:00", W3cDates.format(value));
  }

  @Test
  void formatWritesZForUtc() {
    OffsetDateTime value = OffsetDateTime.of(2024, 5, 2, 14, 14, 3, 0, ZoneOffset.UTC);

    assertEquals("2024-05-02T14:14:03Z", W3cDates.format(value));
  }

  @Test
  void formatWritesHalfHourOffsetsWithAColon() {
    OffsetDateTime value =
        OffsetDateTime.of(2024, 5, 2, 9, 14, 3, 0, ZoneOffset.ofHoursMinutes(5, 30));

    assertEquals("2024-05-02T09:14:03+05:30", W3cDates.format(value));
  }

  @Test
  void formatDropsFractionalSecondsWithoutRounding() {
    OffsetDateTime value = OffsetDateTime.parse("2024-05-02T09:14:03.999999999-05:00");

    assertEquals("2024-05-02T09:14:03-05:00", W3cDates.format(value));
  }

  @Test
  void formatWritesSecondsEvenWhenTheyAreZero() {
    OffsetDateTime value = OffsetDateTime.of(2024, 5, 2, 9, 0, 0, 0, ZoneOffset.UTC);

    assertEquals("2024-05-02T09:00:00Z", W3cDates.format(value));
  }
  @Test
  void formatWritesYearZeroAsFourZeros() {
    OffsetDateTime value = OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    assertEquals("0000-01-01T00:00:00Z", W3cDates.format(value));
  }
  @Test
  void formatThenParseKeepsTheInstantOfAnOffsetWithSeconds() {
    OffsetDateTime lmt = W3cDates.parse("1880-01-01", CHICAGO).orElseThrow();

    OffsetDateTime back = W3cDates.parse(W3cDates.format(lmt), CHICAGO).orElseThrow();

    assertEquals(lmt.toInstant(), back.toInstant());
  }

  // parse: accepted forms

  @ParameterizedTest
  @CsvSource({
    "2024-05-02T14:14:03Z,         2024-05-02T14:14:03Z",
    "2024-05-02T09:14:03-05:00,    2024-05-02T09:14:03-05:00",
    "2024-05-02T09:14:03-0500,     2024-05-02T09:14:03-05:00",
    "2024-05-02T09:14:03-05,       2024-05-02T09:14:03-05:00",
    "2024-05-02T15:44:03+0530,     2024-05-02T15:44:03+05:30",
    "2024-05-02T14:14:03+00:00,    2024-05-02T14:14:03Z",
    "2024-05-02t14:14:03z,         2024-05-02T14:14:03Z",
    "2024-05-02T14:14Z,            2024-05-02T14:14:00Z",
    "2024-05-02T09:14-05:00,       2024-05-02T09:14:00-05:00",
  })
  void parseAcceptsZonedForms(String text, String expected) {
    assertEquals(OffsetDateTime.parse(expected), W3cDates.parse(text, CHICAGO).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-05-02T14:14:03.1Z",
        "2024-05-02T14:14:03.12Z",
        "2024-05-02T14:14:03.123Z",
        "2024-05-02T14:14:03.123456Z",
        "2024-05-02T14:14:03.123456789Z"
      })
  void parseAcceptsOneToNineFractionDigitsAndKeepsTheSecond(String text) {
    OffsetDateTime parsed = W3cDates.parse(text, CHICAGO).orElseThrow();

    assertEquals(
        OffsetDateTime.parse("2024-05-02T14:14:03Z").toInstant(), parsed.withNano(0).toInstant());
    assertEquals("2024-05-02T14:14:03Z", W3cDates.format(parsed));
  }

  @Test
  void parseKeepsTheFractionItWasGiven() {
    OffsetDateTime parsed = W3cDates.parse("2024-05-02T14:14:03.5Z", CHICAGO).orElseThrow();

    assertEquals(500_000_000, parsed.getNano());
  }

  @Test
  void parseTrimsSurroundingWhitespace() {
    assertEquals(
        OffsetDateTime.parse("2024-05-02T14:14:03Z"),
        W3cDates.parse("  2024-05-02T14:14:03Z \n", CHICAGO).orElseThrow());
  }

  @Test
  void parseReadsAWinterDateAsMidnightCentralStandardTime() {
    OffsetDateTime parsed = W3cDates.parse("2024-01-15", CHICAGO).orElseThrow();

    assertEquals(OffsetDateTime.parse("2024-01-15T00:00:00-06:00"), parsed);
    assertEquals("2024-01-15T00:00:00-06:00", W3cDates.format(parsed));
  }

  @Test
  void parseReadsASummerDateAsMidnightCentralDaylightTime() {
    OffsetDateTime parsed = W3cDates.parse("2024-07-15", CHICAGO).orElseThrow();

    assertEquals(OffsetDateTime.parse("2024-07-15T00:00:00-05:00"), parsed);
    assertEquals("2024-07-15T00:00:00-05:00", W3cDates.format(parsed));
  }

  @Test
  void parseReadsADateAsMidnightOfTheZoneItIsGiven() {
    OffsetDateTime utc = W3cDates.parse("2024-07-15", ZoneOffset.UTC).orElseThrow();
    OffsetDateTime tokyo = W3cDates.parse("2024-07-15", ZoneId.of("Asia/Tokyo")).orElseThrow();

    assertEquals(OffsetDateTime.parse("2024-07-15T00:00:00Z"), utc);
    assertEquals(OffsetDateTime.parse("2024-07-15T00:00:00+09:00"), tokyo);
  }

  @Test
  void parseIgnoresTheZoneArgumentWhenTheTextHasAnOffset() {
    OffsetDateTime parsed = W3cDates.parse("2024-01-15T08:00:00+02:00", CHICAGO).orElseThrow();

    assertEquals(ZoneOffset.ofHours(2), parsed.getOffset());
  }

  // parse: refused forms

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "2024-13-45",
        "2024-02-30",
        "2024-02-30T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "2024-05-02T09:14:03",
        "2024-05-02T09:14",
        "",
        "   ",
        "2024-05-02T25:00:00Z",
        "2024-05-02T09:60:00Z",
        "2024-05-02T09:14:61Z",
        "2024-05-02T09:14:03+19:00",
        "2024-05-02T09:14:03.Z",
        "2024-05-02T09:14:03.1234567890Z",
        "2024-5-2T09:14:03Z",
        "02/05/2024",
        "1714662843",
        "2024-05-02T09:14:03 America/Chicago",
        "2024-05-02T09:14:03Z trailing"
      })
  void parseRefusesAnythingElse(String text) {
    assertTrue(W3cDates.parse(text, CHICAGO).isEmpty(), () -> "accepted " + text);
  }
}
