package dev.open311.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A body Jackson could not read is the client's mistake: 400, not the default 500. */
public final class JsonProcessingExceptionMapper
    implements ExceptionMapper<JsonProcessingException> {

  private final Provider<ContainerRequestContext> request;

  @Inject
  public JsonProcessingExceptionMapper(Provider<ContainerRequestContext> request) {
    this.request = request;
  }

  @Override
  public Response toResponse(JsonProcessingException exception) {
    return ErrorResponses.of(
        400, "the body could not be read: " + exception.getOriginalMessage(), request.get());
  }
}
