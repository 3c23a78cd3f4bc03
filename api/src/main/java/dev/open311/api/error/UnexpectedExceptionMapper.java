package dev.open311.api.error;

import dev.open311.spec.error.Open311Exception;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure of ours: logged in full under a random id, answered with that id and no detail
 * (Dropwizard's LoggingExceptionMapper), so operators can find it and clients see no stack trace.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  private final Provider<ContainerRequestContext> request;

  @Inject
  public UnexpectedExceptionMapper(Provider<ContainerRequestContext> request) {
    this.request = request;
  }

  UnexpectedExceptionMapper() {
    this.request = () -> null;
  }

  @Override
  public Response toResponse(Throwable exception) {
    return toResponse(exception, request.get());
  }

  Response toResponse(Throwable exception, ContainerRequestContext context) {
    // Storage marks a failure it understands (a request that waited too long for a database turn or
    // connection) with the standard's exception, under the wrappers of the layers in between.
    for (Throwable wrapper = exception; wrapper.getCause() != null; wrapper = wrapper.getCause()) {
      if (wrapper.getCause() instanceof Open311Exception named) {
        // The wrapper says what happened below ("no database connection free after ...").
        LOG.warn(
            "{} while serving {}: {}", named.status(), describe(context), wrapper.getMessage());
        return ErrorResponses.of(named, context);
      }
    }
    String id = UUID.randomUUID().toString().substring(0, 8);
    LOG.error("error {} while serving {}", id, describe(context), exception);
    return ErrorResponses.of(
        500, "the server failed to answer; the operator can look up error " + id, context);
  }

  private static String describe(ContainerRequestContext context) {
    return context == null
        ? "a request"
        : context.getMethod() + " " + context.getUriInfo().getRequestUri().getPath();
  }
}
