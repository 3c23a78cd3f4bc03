package dev.open311.api.error;

import dev.open311.api.format.Format;
import dev.open311.spec.error.Open311Error;
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

  static Response of(int status, String description, ContainerRequestContext request) {
    return of(status, List.of(new Open311Error(status, description)), request);
  }
}
