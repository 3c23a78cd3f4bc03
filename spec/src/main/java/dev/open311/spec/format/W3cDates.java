package dev.open311.spec.format;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Datetimes as GeoReport v2 wants them: the W3C profile of ISO 8601.
 *
 * <p>Output is always {@code yyyy-MM-ddTHH:mm:ss±hh:mm} (or {@code Z} for UTC), seconds precision.
 * Input accepts what real clients send: a zone as {@code Z} or {@code ±hh:mm} (also {@code ±hhmm}
 * and {@code ±hh}), optional fractional seconds, optional seconds, or a bare date (the start of
 * that day in the jurisdiction's zone).
 */
public final class W3cDates {

  private static final DateTimeFormatter OUTPUT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
  private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2})(:\\d{2}(\\.\\d{1,9})?)?"
              + "([Zz]|[+-]\\d{2}(:?\\d{2})?)");

  private W3cDates() {}

  /** Renders a datetime to seconds precision with its offset. */
  public static String format(OffsetDateTime value) {
    int offset = value.getOffset().getTotalSeconds();
    if (offset % 60 != 0) {
      // W3C offsets have no seconds; local mean time before standard time zones has them
      value = value.withOffsetSameInstant(ZoneOffset.UTC);
      offset = 0;
    }
    int year = value.getYear();
    if (year < 0 || year > 9999) {
      return OUTPUT.format(value.truncatedTo(ChronoUnit.SECONDS));
    }
    // What OUTPUT writes, digit by digit: this runs for every datetime of every page, and of
    // the export feed at hundreds of thousands of rows a second.
    byte[] text = new byte[offset == 0 ? 20 : 25];
    digits(text, 0, year, 4);
    text[4] = '-';
    digits(text, 5, value.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, value.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, value.getHour(), 2);
    text[13] = ':';
    digits(text, 14, value.getMinute(), 2);
    text[16] = ':';
    digits(text, 17, value.getSecond(), 2);
    if (offset == 0) {
      text[19] = 'Z';
    } else {
      int minutes = Math.abs(offset) / 60;
      text[19] = (byte) (offset < 0 ? '-' : '+');
      digits(text, 20, minutes / 60, 2);
      text[22] = ':';
      digits(text, 23, minutes % 60, 2);
    }
    return new String(text, StandardCharsets.US_ASCII);
  }

  private static void digits(byte[] text, int at, int value, int count) {
    for (int i = at + count - 1; i >= at; i--) {
      text[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /**
   * Parses a W3C datetime or date; empty when the text is none of the accepted forms.
   *
   * @param zone the zone a bare date's midnight is taken in
   */
  public static Optional<OffsetDateTime> parse(String text, ZoneId zone) {
    String value = text.trim();
    try {
      if (DATE_ONLY.matcher(value).matches()) {
        return Optional.of(LocalDate.parse(value).atStartOfDay(zone).toOffsetDateTime());
      }
      var matcher = DATE_TIME.matcher(value);
      if (!matcher.matches()) {
        return Optional.empty();
      }
      String seconds = matcher.group(3) == null ? ":00" : matcher.group(3);
      String offset = normaliseOffset(matcher.group(5));
      return Optional.of(
          OffsetDateTime.parse(matcher.group(1) + "T" + matcher.group(2) + seconds + offset));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String normaliseOffset(String offset) {
    if (offset.equalsIgnoreCase("z")) {
      return "Z";
    }
    if (offset.length() == 3) {
      return offset + ":00";
    }
    if (offset.length() == 5) {
      return offset.substring(0, 3) + ":" + offset.substring(3);
    }
    return offset;
  }
}
