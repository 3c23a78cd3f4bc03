package dev.open311.spec.format;

/**
 * The characters XML 1.0 text cannot carry, not even as references: C0 controls other than tab,
 * line feed and carriage return, U+FFFE, U+FFFF and lone surrogates. Filing refuses them
 * (ServiceRequestRules); XML answers write any that came in another way (an import, a catalog
 * file, a parameter quoted in an error) as U+FFFD ({@link XmlSafeStringSerializer}).
 */
public final class XmlText {

  private XmlText() {}

  /** The index of the first UTF-16 unit XML cannot carry, or -1 when it can carry them all. */
  public static int firstUnwritable(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!writableAt(text, i)) {
        return i;
      }
    }
    return -1;
  }

  /** The text itself when XML can carry it all (no copy), else a copy with U+FFFD for each. */
  static String safe(String text) {
    int from = firstUnwritable(text);
    if (from < 0) {
      return text;
    }
    StringBuilder safe = new StringBuilder(text.length()).append(text, 0, from);
    for (int i = from; i < text.length(); i++) {
      safe.append(writableAt(text, i) ? text.charAt(i) : '\uFFFD');
    }
    return safe.toString();
  }

  /** Whether the UTF-16 unit at {@code i} may stand in XML 1.0 text (a pair's halves may). */
  private static boolean writableAt(String text, int i) {
    char c = text.charAt(i);
    if (c >= 0x20 && c < Character.MIN_SURROGATE) {
      return true;
    }
    if (c < 0x20) {
      return c == '\t' || c == '\n' || c == '\r';
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
    return c != 0xFFFE && c != 0xFFFF;
  }
}
