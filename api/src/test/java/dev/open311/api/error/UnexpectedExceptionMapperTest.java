package dev.open311.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.error.Open311Error;
import dev.open311.spec.error.UnavailableException;
import dev.open311.spec.format.ErrorList;
import jakarta.ws.rs.core.Response;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request that waited in vain for a database turn fails deep in storage, wrapped by Jdbi or a
 * repository on the way up: it is answered 503 with Retry-After, not as our own failure.
 */
class UnexpectedExceptionMapperTest {

  private final UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();

  @Test
  void aWrappedUnavailableIsA503WithRetryAfter() {
    Throwable failure =
        new IllegalStateException(
            "GET service request 7 failed",
            new SQLTransientConnectionException(
                "no database connection free", new UnavailableException("too busy", 5)));

    Response response = mapper.toResponse(failure, null);

    assertEquals(503, response.getStatus());
    assertEquals("5", response.getHeaderString("Retry-After"));
    assertEquals(
        List.of(new Open311Error(503, "too busy")), ((ErrorList) response.getEntity()).items());
  }

  @Test
  void anyOtherFailureStaysA500WithAnIdAndNoDetail() {
    Response response =
        mapper.toResponse(new IllegalStateException("secret detail", new RuntimeException()), null);

    assertEquals(500, response.getStatus());
    assertEquals(null, response.getHeaderString("Retry-After"));
    String description = ((ErrorList) response.getEntity()).items().get(0).description();
    assertTrue(description.startsWith("the server failed to answer"), description);
    assertTrue(!description.contains("secret"), description);
  }
}
