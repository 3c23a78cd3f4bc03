package dev.open311.api.error;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Jersey's own failures (unknown path, method not allowed, unsupported media type, bad
 * parameter) in the Open311 error shape instead of an HTML page. Server-side statuses are
 * left to {@link UnexpectedExceptionMapper}.
 */
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {

  private final Provider<ContainerRequestContext> request;

  @Inject
  public WebApplicationExceptionMapper(Provider<ContainerRequestContext> request) {
    this.request = request;
  }

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    if (status >= 500) {
      return new UnexpectedExceptionMapper().toResponse(exception, request.get());
    }
    ContainerRequestContext context = request.get();
    Response response = ErrorResponses.of(status, describe(exception, context), context);
    if (exception instanceof NotAllowedException) {
      return Response.fromResponse(response).allow(original.getAllowedMethods()).build();
    }
    return response;
  }

  private static String describe(WebApplicationException exception, ContainerRequestContext ctx) {
    String path = ctx == null ? "" : "/" + ctx.getUriInfo().getPath();
    if (exception instanceof NotFoundException) {
      return "there is no resource at " + path;
    }
    if (exception instanceof NotAllowedException) {
      return "method " + ctx.getMethod() + " is not allowed on " + path;
    }
    int status = exception.getResponse().getStatus();
    return switch (status) {
      case 415 -> "send parameters as application/x-www-form-urlencoded";
      case 406 -> "this resource is served as .xml or .json";
      default -> "the request could not be understood (HTTP " + status + ")";
    };
  }
}
