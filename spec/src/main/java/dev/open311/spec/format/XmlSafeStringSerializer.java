package dev.open311.spec.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;

/**
 * Writes every text value of an XML answer with U+FFFD in place of each character XML 1.0 cannot
 * carry: C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF and lone
 * surrogates. Filing refuses them (ServiceRequestRules), but an import, a catalog file or an error
 * that quotes a parameter may bring one. Woodstox's replacing handler ({@link Open311Mappers#xml})
 * catches the controls but writes U+FFFE and U+FFFF as {@code &#xffff;}, a reference no XML parser
 * accepts.
 */
final class XmlSafeStringSerializer extends StdScalarSerializer<String> {

  private static final long serialVersionUID = 1L;

  XmlSafeStringSerializer() {
    super(String.class);
  }

  @Override
  public void serialize(String value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeString(safe(value));
  }

  /** The text itself when XML can carry it all (no copy), else a copy with U+FFFD for each. */
  static String safe(String text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      if (!allowedAt(text, i)) {
        return replaced(text, i);
      }
    }
    return text;
  }

  private static String replaced(String text, int from) {
    StringBuilder safe = new StringBuilder(text.length()).append(text, 0, from);
    for (int i = from; i < text.length(); i++) {
      safe.append(allowedAt(text, i) ? text.charAt(i) : '\uFFFD');
    }
    return safe.toString();
  }

  /** Whether the UTF-16 unit at {@code i} may stand in XML 1.0 text (a pair's halves may). */
  private static boolean allowedAt(String text, int i) {
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
