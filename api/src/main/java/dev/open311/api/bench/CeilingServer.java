package dev.open311.api.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty core handler that answers every request with the same small JSON body: no servlet, no
 * Jersey, no database. What it serves per second on a machine is the most any endpoint of ours
 * could serve there, so the benchmark reports each figure as a share of it (DEPENDENCIES.md
 * measured about 49,000 requests/s at 16 connections on the 2-core machine).
 */
public final class CeilingServer implements AutoCloseable {

  static final String BODY = "{\"ceiling\":true}";

  private final Server server;

  private CeilingServer(Server server) {
    this.server = server;
  }

  /** Starts on {@code host:port} (port 0: any free port) with Jetty's default thread pool. */
  public static CeilingServer start(String host, int port) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new ConstantHandler());
    server.start();
    return new CeilingServer(server);
  }

  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /**
   * Writes one shared read-only buffer; a duplicate per response keeps positions apart. A plain
   * {@code Handler.Abstract}: Jetty dispatches it to a pool thread, as it does our servlet. (A
   * {@code NonBlocking} one, run on the selector thread, served about 25% more here.)
   */
  private static final class ConstantHandler extends Handler.Abstract {
    private static final ByteBuffer BYTES =
        ByteBuffer.wrap(BODY.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BYTES.remaining());
      response.write(true, BYTES.duplicate(), callback);
      return true;
    }
  }
}
