package dev.open311.storage.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CopyTextTest {

  private static String row(String... values) {
    return String.join("\t", values) + "\n";
  }

  @Test
  void textIsUtf8WithBackslashEscapesAndNullIsBackslashN() {
    CopyText copy = new CopyText();
    copy.text(null).text("").text("a\\b\tc\nd\re").text("é€😀\u0000x").text("\uD800lone");
    copy.text("plain ASCII, with \"quotes\"").endRow();
    assertEquals(
        row(
            "\\N",
            "",
            "a\\\\b\\tc\\nd\\re",
            "é€😀\u0000x",
            "?lone",
            "plain ASCII, with \"quotes\""),
        copy.toString());
  }

  @Test
  void numbersAreJavasShortestDecimals() {
    CopyText copy = new CopyText();
    copy.number(0L).number(Long.MIN_VALUE).number(Long.MAX_VALUE).number(-42L).endRow();
    copy.number((Double) null).number(-0.0).number(0.0).number(41.964316253);
    copy.number(-87.69685084699999).number(1e-5).number(1.0E7).number(123456.789);
    copy.number(Double.NaN).number(-1e300).endRow();
    assertEquals(
        row("0", "-9223372036854775808", "9223372036854775807", "-42")
            + row(
                "\\N",
                "-0.0",
                "0.0",
                "41.964316253",
                "-87.696850847",
                "1.0E-5",
                "1.0E7",
                "123456.789",
                "NaN",
                "-1.0E300"),
        copy.toString());
  }

  @Test
  void pointsRepeatTheValuesJustWrittenAndFlagsAreTOrF() {
    CopyText copy = new CopyText();
    Double latitude = 41.964316253;
    Double longitude = -87.696850847;
    copy.number(latitude).number(longitude).point(longitude, latitude).point(null, 1.0);
    copy.point(1.0, null).point(-0.0, 1e-7).point(0.0, -0.0).flag(true).flag(false).endRow();
    assertEquals(
        row(
            "41.964316253",
            "-87.696850847",
            "(-87.696850847,41.964316253)",
            "\\N",
            "\\N",
            "(-0.0,1.0E-7)",
            "(0.0,-0.0)",
            "t",
            "f"),
        copy.toString());
  }

  @Test
  void instantsKeepTheirOffsetAndMicroseconds() {
    CopyText copy = new CopyText();
    copy.instant(null)
        .instant(OffsetDateTime.parse("2019-01-01T00:11:22-06:00"))
        .instant(OffsetDateTime.parse("2019-07-04T12:00:00.5-05:00"))
        .instant(OffsetDateTime.parse("2019-07-04T12:00:00.000000999+05:30"))
        .instant(OffsetDateTime.parse("2019-07-04T12:00:00.123456789Z"))
        .instant(
            OffsetDateTime.of(
                1883, 11, 18, 11, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(-5, -50, -36)))
        .instant(OffsetDateTime.parse("0999-12-31T23:59:59-06:00"))
        .instant(OffsetDateTime.parse("+10000-01-01T00:00:00-06:00"))
        .endRow();
    assertEquals(
        row(
            "\\N",
            "2019-01-01 00:11:22-06:00",
            "2019-07-04 12:00:00.500000-05:00",
            "2019-07-04 12:00:00+05:30",
            "2019-07-04 12:00:00.123456+00:00",
            "1883-11-18 11:00:00-05:50:36",
            "0999-12-31T23:59:59-06:00",
            "+10000-01-01T00:00-06:00"),
        copy.toString());
  }

  @Test
  void rowsLongerThanTheBufferAreKeptWhole() {
    CopyText copy = new CopyText();
    String big = "x\t".repeat(700_000);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      copy.number(i).text(big).text("é".repeat(100_000)).endRow();
      expected.append(row(Integer.toString(i), big.replace("\t", "\\t"), "é".repeat(100_000)));
    }
    assertEquals(expected.toString(), copy.toString());
  }
}
