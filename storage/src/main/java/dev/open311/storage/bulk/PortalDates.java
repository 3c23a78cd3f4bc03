package dev.open311.storage.bulk;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The Chicago data portal's datetimes: floating local times (no offset) in the city's zone, as
 * {@code 2019-01-01T00:11:22.000} (the API's form, also with a space or without the
 * milliseconds) or {@code 01/01/2019 12:11:22 AM} (the CSV download's form), years 1 to 9999.
 * Parsed by hand: an import reads three per row. A local time that falls twice (the autumn
 * change) is the earlier instant, one that does not exist (the spring change) is moved forward by
 * the gap.
 *
 * <p>Finding a local time's offset in the zone's rules cost more than the parsing; the offset of
 * the last one is kept with the stretch of local times that have only that offset, between two
 * changes, and a time within it takes that offset without asking the rules.
 */
final class PortalDates {

  /**
   * Local times from {@code from} (inclusive) to {@code until} (exclusive), as seconds of {@link
   * LocalDateTime#toEpochSecond} at UTC, that have one offset in {@code zone}, or fall in an
   * overlap that ends the stretch, where the earlier offset, this one, is taken.
   */
  private record OffsetWindow(ZoneId zone, long from, long until, ZoneOffset offset) {}

  private static volatile OffsetWindow window;

  private PortalDates() {}

  /** The instant, or null for an empty value. */
  static OffsetDateTime parse(String text, ZoneId zone, String column) throws BadRowException {
    if (text.isEmpty()) {
      return null;
    }
    try {
      LocalDateTime local =
          text.length() >= 19 && text.charAt(4) == '-' ? iso(text) : us(text);
      // A five-digit year is a typing error, and nine digits overflowed the microseconds COPY
      // sends: the whole import failed instead of skipping the row.
      if (local != null && local.getYear() >= 1 && local.getYear() <= 9999) {
        return atZone(local, zone);
      }
    } catch (DateTimeException | IndexOutOfBoundsException e) {
      // falls through to the message below
    }
    throw new BadRowException(column + " is not a date: " + text);
  }

  /** The same as {@code local.atZone(zone).toOffsetDateTime()}. */
  private static OffsetDateTime atZone(LocalDateTime local, ZoneId zone) {
    long second = local.toEpochSecond(ZoneOffset.UTC);
    OffsetWindow known = window;
    if (known != null && known.zone.equals(zone) && second >= known.from && second < known.until) {
      return OffsetDateTime.of(local, known.offset);
    }
    OffsetDateTime result = local.atZone(zone).toOffsetDateTime();
    window = windowAround(result.toInstant(), zone);
    return result;
  }

  /** The local times that have the offset {@code instant} has, in the changes either side of it. */
  private static OffsetWindow windowAround(Instant instant, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    ZoneOffset offset = rules.getOffset(instant);
    // The change at or before the instant (transitions fall on whole seconds), and the one after.
    ZoneOffsetTransition previous =
        rules.previousTransition(Instant.ofEpochSecond(instant.getEpochSecond() + 1));
    ZoneOffsetTransition next = rules.nextTransition(instant);
    // After a gap the stretch starts at its end; after an overlap, once the overlap is over.
    long from =
        previous == null
            ? Long.MIN_VALUE
            : previous.toEpochSecond()
                + Math.max(
                    previous.getOffsetBefore().getTotalSeconds(),
                    previous.getOffsetAfter().getTotalSeconds());
    // Up to the next change's instant at this offset: the start of a gap, the end of an overlap.
    long until =
        next == null ? Long.MAX_VALUE : next.toEpochSecond() + offset.getTotalSeconds();
    return new OffsetWindow(zone, from, until, offset);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.fff]}, T or a space; null when it does not fit. */
  private static LocalDateTime iso(String s) {
    if (s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int nanos = 0;
    if (s.length() > 19) {
      if (s.charAt(19) != '.' || s.length() > 29 || s.length() == 20) {
        return null;
      }
      nanos = number(s, 20, s.length() - 20);
      for (int digits = s.length() - 20; digits < 9; digits++) {
        nanos *= 10;
      }
    }
    return LocalDateTime.of(
        number(s, 0, 4), number(s, 5, 2), number(s, 8, 2),
        number(s, 11, 2), number(s, 14, 2), number(s, 17, 2), nanos);
  }

  /** {@code MM/dd/yyyy hh:mm:ss AM} (one-digit month, day and hour allowed); null otherwise. */
  private static LocalDateTime us(String s) {
    int slash1 = s.indexOf('/');
    int slash2 = s.indexOf('/', slash1 + 1);
    int space = s.indexOf(' ', slash2 + 1);
    int colon1 = s.indexOf(':', space + 1);
    int colon2 = s.indexOf(':', colon1 + 1);
    int space2 = s.indexOf(' ', colon2 + 1);
    if (slash1 < 1 || slash2 < 0 || space < 0 || colon1 < 0 || colon2 < 0 || space2 < 0) {
      return null;
    }
    int hour = number(s, space + 1, colon1 - space - 1);
    boolean pm = s.startsWith("PM", space2 + 1);
    boolean am = s.startsWith("AM", space2 + 1);
    if (hour < 1 || hour > 12 || s.length() != space2 + 3 || !(am || pm)) {
      return null;
    }
    hour = hour % 12 + (pm ? 12 : 0);
    return LocalDateTime.of(
        number(s, slash2 + 1, space - slash2 - 1),
        number(s, 0, slash1),
        number(s, slash1 + 1, slash2 - slash1 - 1),
        hour,
        number(s, colon1 + 1, colon2 - colon1 - 1),
        number(s, colon2 + 1, space2 - colon2 - 1));
  }

  private static int number(String s, int from, int length) {
    if (length < 1 || length > 9) {
      throw new DateTimeException("bad number");
    }
    int value = 0;
    for (int i = from; i < from + length; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new DateTimeException("bad digit");
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
