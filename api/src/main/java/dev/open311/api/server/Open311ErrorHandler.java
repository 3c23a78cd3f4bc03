package dev.open311.api.server;

import dev.open311.spec.error.Open311Error;
import dev.open311.spec.format.ErrorList;
import dev.open311.spec.format.Open311Mappers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before our application sees the request (an ambiguous or malformed URI,
 * oversized headers) in the Open311 XML error shape instead of Jetty's HTML page.
 */
final class Open311ErrorHandler extends ErrorHandler {

  private static final String XML = "text/xml; charset=utf-8";

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, XML);
    response.write(true, body(code, message), callback);
  }

  private static ByteBuffer body(int code, String message) {
    String description =
        message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Open311Mappers.writeXml(
          Open311Mappers.xml(), new ErrorList(List.of(new Open311Error(code, description))), out);
      return ByteBuffer.wrap(out.toByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("an error list could not be written", e);
    }
  }
}
