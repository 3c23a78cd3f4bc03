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

  /** The longest text {@link #write} writes: a nine-digit year with its sign, and an offset. */
  public static final int MAX_LENGTH = 32;

  /** Renders a datetime to seconds precision with its offset. */
  public static String format(OffsetDateTime value) {
    OffsetDateTime whole = wholeMinuteOffset(value);
    if (!fourDigitYear(whole)) {
      return OUTPUT.format(whole.truncatedTo(ChronoUnit.SECONDS));
    }
    byte[] text = new byte[25];
    int end = writeDigits(whole, text, 0);
    return new String(text, 0, end, StandardCharsets.US_ASCII);
  }

  /**
   * Writes what {@link #format} returns, in ASCII, into {@code text} from {@code at}, which has
   * room for {@link #MAX_LENGTH} bytes; the export writes its rows' datetimes so, without a
   * String each.
   *
   * @return the index after the last byte written
   */
  public static int write(OffsetDateTime value, byte[] text, int at) {
    OffsetDateTime whole = wholeMinuteOffset(value);
    if (!fourDigitYear(whole)) {
      byte[] rendered = format(whole).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(rendered, 0, text, at, rendered.length);
      return at + rendered.length;
    }
    return writeDigits(whole, text, at);
  }

  /** W3C offsets have no seconds; local mean time before standard time zones has them. */
  private static OffsetDateTime wholeMinuteOffset(OffsetDateTime value) {
    return value.getOffset().getTotalSeconds() % 60 == 0
        ? value
        : value.withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static boolean fourDigitYear(OffsetDateTime value) {
    return value.getYear() >= 0 && value.getYear() <= 9999;
  }

  /**
   * What OUTPUT writes, digit by digit: this runs for every datetime of every page, and of the
   * export feed at hundreds of thousands of rows a second.
   */
  private static int writeDigits(OffsetDateTime value, byte[] text, int at) {
    int offset = value.getOffset().getTotalSeconds();
    digits(text, at, value.getYear(), 4);
    text[at + 4] = '-';
    digits(text, at + 5, value.getMonthValue(), 2);
    text[at + 7] = '-';
    digits(text, at + 8, value.getDayOfMonth(), 2);
    text[at + 10] = 'T';
    digits(text, at + 11, value.getHour(), 2);
    text[at + 13] = ':';
    digits(text, at + 14, value.getMinute(), 2);
    text[at + 16] = ':';
    digits(text, at + 17, value.getSecond(), 2);
    if (offset == 0) {
      text[at + 19] = 'Z';
      return at + 20;
    }
    int minutes = Math.abs(offset) / 60;
    text[at + 19] = (byte) (offset < 0 ? '-' : '+');
    digits(text, at + 20, minutes / 60, 2);
    text[at + 22] = ':';
    digits(text, at + 23, minutes % 60, 2);
    return at + 25;
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
