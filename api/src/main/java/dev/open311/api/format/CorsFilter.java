package dev.open311.api.format;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Lets browser apps on any origin read the public API (instead of JSONP). No credentials are
 * involved: the API key travels as a parameter, never as a cookie.
 */
public final class CorsFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    var headers = response.getHeaders();
    headers.putSingle("Access-Control-Allow-Origin", "*");
    if ("OPTIONS".equals(request.getMethod())) {
      headers.putSingle("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      headers.putSingle("Access-Control-Allow-Headers", "Content-Type, Authorization");
      headers.putSingle("Access-Control-Max-Age", "86400");
    }
  }
}
