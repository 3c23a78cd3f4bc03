package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Digest §0 value types. In JSON they are the parsed types; in XML, where everything is text, the
 * lexical forms (booleans written {@code true}/{@code false}, integers as digits).
 */
final class Types {
  private Types() {}

  static void string(Format f, Object v, String what) {
    assertTrue(v instanceof String, () -> what + " must be a " + f + " string, got " + describe(v));
  }

  static void bool(Format f, Object v, String what) {
    boolean ok = f == Format.JSON ? v instanceof Boolean : "true".equals(v) || "false".equals(v);
    assertTrue(ok, () -> what + " must be a " + f + " boolean, got " + describe(v));
  }

  static void integer(Format f, Object v, String what) {
    boolean ok =
        f == Format.JSON
            ? v instanceof Integer || v instanceof Long || v instanceof BigInteger
            : v instanceof String s && s.trim().matches("[+-]?\\d+");
    assertTrue(ok, () -> what + " must be a " + f + " integer, got " + describe(v));
  }

  static void number(Format f, Object v, String what) {
    boolean ok = f == Format.JSON ? v instanceof Number : v instanceof String s && isDecimal(s);
    assertTrue(ok, () -> what + " must be a " + f + " number, got " + describe(v));
  }

  /** The numeric value of a JSON number or XML text. */
  static BigDecimal decimal(Object v) {
    return new BigDecimal(String.valueOf(v).trim());
  }

  private static boolean isDecimal(String s) {
    try {
      new BigDecimal(s.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String describe(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName() + " " + v;
  }
}
