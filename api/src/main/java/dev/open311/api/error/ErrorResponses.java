package dev.open311.api.error;

import dev.open311.api.format.Format;
import dev.open311.spec.error.Open311Error;
import dev.open311.spec.error.Open311Exception;
import dev.open311.spec.error.UnavailableException;
import dev.open311.spec.format.ErrorList;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds the one error response shape: {@code errors/error(code, description)}. */
final class ErrorResponses {

  private ErrorResponses() {}

  static Response of(int status, List<Open311Error> errors, ContainerRequestContext request) {
    return Response.status(status)
        .type(Format.of(request).errorFormat().mediaType())
        .entity(new ErrorList(errors))
        .build();
  }

  /** The errors of a failure the standard names, with {@code Retry-After} when it is a 503. */
  static Response of(Open311Exception failure, ContainerRequestContext request) {
    Response response = of(failure.status(), failure.errors(), request);
    if (failure instanceof UnavailableException unavailable) {
      response.getHeaders().putSingle("Retry-After", unavailable.retryAfterSeconds());
    }
    return response;
  }

  static Response of(int status, String description, ContainerRequestContext request) {
    return of(status, List.of(new Open311Error(status, description)), request);
  }
}
