package dev.open311.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A body Jackson could not read is the client's mistake: 400, not the default 500. One Jackson
 * could not write is ours: a 500 with an error id, as {@link UnexpectedExceptionMapper} answers
 * (it used to be a 400 that blamed the client's body for an answer the server could not write).
 */
public final class JsonProcessingExceptionMapper
    implements ExceptionMapper<JsonProcessingException> {

  private final Provider<ContainerRequestContext> request;

  @Inject
  public JsonProcessingExceptionMapper(Provider<ContainerRequestContext> request) {
    this.request = request;
  }

  @Override
  public Response toResponse(JsonProcessingException exception) {
    if (isReading(exception)) {
      return ErrorResponses.of(
          400, "the body could not be read: " + exception.getOriginalMessage(), request.get());
    }
    return new UnexpectedExceptionMapper(request).toResponse(exception);
  }

  static boolean isReading(JsonProcessingException exception) {
    return exception instanceof StreamReadException
        || exception instanceof MismatchedInputException;
  }
}
