package dev.open311.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.function.Supplier;

/**
 * The GeoReport v2 server under test, chosen once per JVM.
 *
 * <p>System properties (blank values and unresolved Maven placeholders such as {@code
 * ${open311.baseUrl}} count as absent):
 *
 * <ul>
 *   <li>{@code open311.baseUrl}: GeoReport base URL, e.g. {@code https://host/open311/v2/}. When
 *       absent, our own server is started in-process (see {@link LocalTarget}).
 *   <li>{@code open311.apiKey}: key for POST requests; POST tests are skipped without one.
 *   <li>{@code open311.discoveryUrl}: discovery URL without suffix (default {@code baseUrl +
 *       "discovery"}).
 *   <li>{@code open311.jurisdictionId}: sent on every call, for multi-jurisdiction endpoints.
 *   <li>{@code open311.lat}, {@code open311.long}, {@code open311.addressString}, {@code
 *       open311.addressId}: a location the target accepts on POST (defaults: Chicago City Hall).
 *   <li>{@code open311.strict}: {@code true} makes every check that another server may skip (an
 *       extension it does not offer, no API key) fail instead. It is the default when our own
 *       server is started in-process, so that a broken extension of ours cannot pass as "not
 *       offered"; give it when pointing the suite at our jar.
 * </ul>
 */
final class Target {
  /**
   * An answer at least this long may have been cut off by the target's limit: a busy target can
   * hold more matches than one answer lists, so a check may find a request missing from it.
   */
  static final int CUT_OFF_LENGTH = 50;

  private static Target instance;
  private static Throwable startFailure;

  final String baseUrl;
  final String discoveryUrl;
  final String apiKey;
  final String jurisdictionId;
  final String lat;
  final String lon;
  final String addressString;
  final String addressId;
  final boolean strict;

  private Target(String baseUrl, String apiKey, boolean strict) {
    this.baseUrl = withSlash(baseUrl);
    String discovery = property("open311.discoveryUrl");
    this.discoveryUrl = discovery != null ? stripSuffix(discovery) : this.baseUrl + "discovery";
    this.apiKey = apiKey;
    this.jurisdictionId = property("open311.jurisdictionId");
    this.lat = orDefault(property("open311.lat"), "41.883718");
    this.lon = orDefault(property("open311.long"), "-87.632382");
    this.addressString =
        orDefault(property("open311.addressString"), "121 N LaSalle St, Chicago, IL 60602");
    this.addressId = orDefault(property("open311.addressId"), "conformance-address-1");
    this.strict = strict;
  }

  /** The target of this JVM; starts our server on first use when no base URL is given. */
  static synchronized Target get() {
    if (startFailure != null) {
      throw new IllegalStateException(
          "local server did not start (see first failure)", startFailure);
    }
    if (instance == null) {
      String base = property("open311.baseUrl");
      if (base != null) {
        instance =
            new Target(base, property("open311.apiKey"), "true".equals(property("open311.strict")));
      } else {
        try {
          LocalTarget.Started local = LocalTarget.start();
          instance = new Target(local.baseUrl(), local.apiKey(), true);
        } catch (RuntimeException | Error e) {
          startFailure = e; // do not retry (and wait for a database) in every test
          throw e;
        }
      }
    }
    return instance;
  }

  /** The API key, or aborts the calling test (skipped) when the target has none configured. */
  static String requireApiKey() {
    String key = get().apiKey;
    expect(key != null, () -> "no -Dopen311.apiKey given for the POST checks");
    return key;
  }

  /**
   * Goes on when the target offers what a check needs. Otherwise the check is skipped, saying
   * why, or fails saying so when the target is {@link #strict}.
   */
  static void expect(boolean offered, Supplier<String> why) {
    if (get().strict) {
      assertTrue(offered, () -> why.get() + ", and open311.strict is set");
    } else {
      assumeTrue(offered, () -> why.get() + ": skipped");
    }
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      return null;
    }
    return value.trim();
  }

  private static String orDefault(String value, String fallback) {
    return value != null ? value : fallback;
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  private static String stripSuffix(String url) {
    return url.replaceFirst("\\.(json|xml)$", "");
  }
}
