package dev.open311.spec.query;

import dev.open311.spec.error.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * Strict parsing of numeric parameters. {@link Double#parseDouble} alone would also accept
 * {@code NaN}, {@code Infinity}, hexadecimal floats and a trailing {@code d}, none of which a client
 * means as a coordinate or a page.
 */
public final class Numbers {

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d{1,20}(\\.\\d{0,20})?|\\.\\d{1,20})");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");

  private Numbers() {}

  /**
   * A decimal number such as {@code -87.6278}.
   *
   * @throws InvalidRequestException naming the parameter when the text is not one
   */
  public static double decimal(String name, String text) {
    String value = text.trim();
    if (!DECIMAL.matcher(value).matches()) {
      throw new InvalidRequestException(name + " " + text + " is not a decimal number");
    }
    return Double.parseDouble(value);
  }

  /**
   * A whole number within the range of an {@code int}.
   *
   * @throws InvalidRequestException naming the parameter when the text is not one
   */
  public static int integer(String name, String text) {
    String value = text.trim();
    if (INTEGER.matcher(value).matches()) {
      long parsed = Long.parseLong(value);
      if (parsed >= Integer.MIN_VALUE && parsed <= Integer.MAX_VALUE) {
        return (int) parsed;
      }
    }
    throw new InvalidRequestException(name + " " + text + " is not a whole number");
  }
}
