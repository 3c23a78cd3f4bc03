package dev.open311.spec.query;

import dev.open311.spec.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in the harvest order: the last request a harvest page returned, as the (change
 * transaction, key) pair that order sorts by. Clients get it opaque, in base64url, and hand it
 * back as {@code cursor}; the next page starts right after it.
 */
public record HarvestCursor(long changeXid, long id) {

  private static final Pattern DECODED = Pattern.compile("(\\d{1,19}):(\\d{1,19})");

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((changeXid + ":" + id).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The cursor a client sent, or null for null.
   *
   * @throws InvalidRequestException when it is not one this server hands out
   */
  public static HarvestCursor decode(String text) {
    if (text == null) {
      return null;
    }
    try {
      String decoded =
          new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.US_ASCII);
      Matcher matcher = DECODED.matcher(decoded);
      if (matcher.matches()) {
        return new HarvestCursor(
            Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the one message below; a NumberFormatException is one too
    }
    throw new InvalidRequestException(
        "cursor " + text + " is not a cursor this server gave out (X-Open311-Next-Cursor)");
  }
}
