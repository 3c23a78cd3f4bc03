package dev.open311.storage.db;

/** PostgreSQL COPY's text format, shared by every bulk writer (import, generate, area tags). */
public final class CopyFormat {

  /** How COPY's text format writes SQL null. */
  public static final String NULL = "\\N";

  private CopyFormat() {}

  /** Appends a value with backslash, tab, newline and carriage return escaped. */
  public static StringBuilder escape(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out;
  }
}
