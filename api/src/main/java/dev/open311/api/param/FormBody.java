package dev.open311.api.param;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.error.PayloadTooLargeException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The parameters of a POST: the urlencoded body merged with the query string, because some
 * clients (node-open311) send every parameter in the query with an empty body.
 */
public final class FormBody {

  /**
   * Bodies larger than this are refused with a 413; a 4000-character description fits many
   * times, and photos come as {@code media_url}, not in the body.
   */
  static final int MAX_BYTES = 1 << 20;

  private FormBody() {}

  public static MultivaluedMap<String, String> merge(
      MultivaluedMap<String, String> query, String contentType, InputStream body) {
    MultivaluedMap<String, String> merged = new MultivaluedHashMap<>();
    query.forEach((key, values) -> merged.addAll(key, values));
    String form = read(body);
    if (form.isBlank()) {
      return merged;
    }
    if (contentType != null
        && !MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      throw new InvalidRequestException(
          "send parameters as application/x-www-form-urlencoded, not " + contentType);
    }
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      merged.add(decode(key), decode(value));
    }
    return merged;
  }

  private static String read(InputStream body) {
    try {
      byte[] bytes = body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new PayloadTooLargeException("1 MiB");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidRequestException("the request body could not be read");
    }
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("the form body is not valid urlencoded text");
    }
  }
}
