package dev.open311.conformance;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Unique values to recognise what a test sent, and datetimes in the W3C form. */
final class Markers {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter W3C =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private Markers() {}

  /** {@code prefix} followed by 12 random lower-case letters and digits. */
  static String unique(String prefix) {
    StringBuilder sb = new StringBuilder(prefix).append('-');
    for (int i = 0; i < 12; i++) {
      sb.append(Character.forDigit(RANDOM.nextInt(36), 36));
    }
    return sb.toString();
  }

  static String digits(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + RANDOM.nextInt(10)));
    }
    return sb.toString();
  }

  /** Now plus {@code minutes} (may be negative), in UTC, as {@code yyyy-MM-ddThh:mm:ssZ}. */
  static String minutesFromNow(long minutes) {
    return w3c(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(minutes));
  }

  static String w3c(OffsetDateTime t) {
    return W3C.format(t.truncatedTo(ChronoUnit.SECONDS));
  }
}
