package dev.open311.api.resource;

import dev.open311.api.format.Format;
import dev.open311.spec.query.HarvestCursor;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Locale;

/**
 * The next-page pointers of a harvest answer: {@code Link: <…&cursor=XYZ>; rel="next"} (the same
 * call, in the same format, continuing after the last request returned) and the bare cursor in
 * {@code X-Open311-Next-Cursor}. Both are exposed to browser apps.
 */
final class HarvestLinks {

  static final String NEXT_CURSOR = "X-Open311-Next-Cursor";

  private HarvestLinks() {}

  /** A 200 with the document, plus the pointers when there is a next position. */
  static Response withNext(
      Object document, HarvestCursor next, UriInfo uri, ContainerRequestContext request) {
    Response.ResponseBuilder response = Response.ok(document);
    if (next == null) {
      return response.build();
    }
    String cursor = next.encode();
    // The suffix filter stripped .json/.xml/.geojson from the path; the link puts it back.
    URI requestUri = uri.getRequestUri();
    String suffix = Format.of(request).name().toLowerCase(Locale.ROOT);
    URI link =
        UriBuilder.fromUri(requestUri)
            .replacePath(requestUri.getRawPath() + "." + suffix)
            .replaceQueryParam("page")
            .replaceQueryParam("cursor", cursor)
            .build();
    return response
        .header("Link", "<" + link.toASCIIString() + ">; rel=\"next\"")
        .header(NEXT_CURSOR, cursor)
        .header("Access-Control-Expose-Headers", "Link, " + NEXT_CURSOR)
        .build();
  }
}
