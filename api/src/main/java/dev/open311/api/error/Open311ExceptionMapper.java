package dev.open311.api.error;

import dev.open311.spec.error.Open311Exception;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Every failure the standard names, matched by type, answered with its own status. */
public final class Open311ExceptionMapper implements ExceptionMapper<Open311Exception> {

  private final Provider<ContainerRequestContext> request;

  @Inject
  public Open311ExceptionMapper(Provider<ContainerRequestContext> request) {
    this.request = request;
  }

  @Override
  public Response toResponse(Open311Exception exception) {
    return ErrorResponses.of(exception, request.get());
  }
}
