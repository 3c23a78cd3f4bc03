package dev.open311.api.format;

import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.format.ErrorList;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * Chooses the format from the {@code .json} / {@code .xml} suffix before routing, so resources
 * only declare that they produce both. The suffix is split off at the last dot of the last path
 * segment (ids may contain dots) and replaced by an {@code Accept} header. Duplicate slashes are
 * folded, since clients that force a trailing slash on the base URL send them.
 *
 * <p>A missing or unknown suffix is answered here with a 404 Open311 error in XML.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class FormatSuffixFilter implements ContainerRequestFilter {

  /** The GeoReport base path, relative to the server root. */
  public static final String BASE_PATH = "open311/v2/";

  @Override
  public void filter(ContainerRequestContext request) {
    URI requestUri = request.getUriInfo().getRequestUri();
    String rawPath = requestUri.getRawPath();
    String path = rawPath.replaceAll("/{2,}", "/");
    int slash = path.lastIndexOf('/');
    String lastSegment = path.substring(slash + 1);
    int dot = lastSegment.lastIndexOf('.');
    Optional<Format> format =
        dot < 0 ? Optional.empty() : Format.ofSuffix(lastSegment.substring(dot + 1));
    if (format.isEmpty()) {
      request.setProperty(Format.PROPERTY, Format.XML);
      request.abortWith(notFound(path, lastSegment, dot));
      return;
    }
    request.setProperty(Format.PROPERTY, format.get());
    String stripped = path.substring(0, slash + 1) + lastSegment.substring(0, dot);
    URI rewritten =
        URI.create(
            requestUri.getScheme()
                + "://"
                + requestUri.getRawAuthority()
                + stripped
                + query(requestUri));
    request.setRequestUri(request.getUriInfo().getBaseUri(), rewritten);
    request.getHeaders().putSingle(HttpHeaders.ACCEPT, format.get().header());
  }

  /** The suffixes the path is served with: the feed's, GET requests' or the standard two. */
  static String suffixes(String path) {
    if (path.contains("/" + BASE_PATH + "export/")) {
      return ".csv, .ndjson or .geojson";
    }
    String withoutSuffix = path.replaceFirst("\\.[^./]*$", "");
    return withoutSuffix.endsWith("/" + BASE_PATH + "requests")
        ? ".xml, .json or .geojson"
        : ".xml or .json";
  }

  private static String query(URI uri) {
    return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
  }

  private static Response notFound(String path, String lastSegment, int dot) {
    String suffixes = suffixes(path);
    String description =
        dot < 0
            ? "add a format to the path: " + suffixes + " (see /" + BASE_PATH + "discovery.xml)"
            : "format " + lastSegment.substring(dot + 1) + " is not served: use " + suffixes;
    return Response.status(404)
        .type(Format.XML.mediaType())
        .entity(new ErrorList(new NotFoundException(description).errors()))
        .build();
  }
}
