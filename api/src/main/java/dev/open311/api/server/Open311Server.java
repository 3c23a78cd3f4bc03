package dev.open311.api.server;

import dev.open311.api.format.RenderedCatalogWriters;
import dev.open311.spec.catalog.CatalogFiles;
import dev.open311.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running server: storage, the Jersey application and Jetty, started and stopped together. */
public final class Open311Server implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Open311Server.class);

  /** The demo catalog shipped in the jar and loaded into an empty database. */
  public static final String DEMO_CATALOG = "catalog/chicago-demo.json";

  private static final int RESPONSE_BUFFER_BYTES = 64 * 1024;

  private final Storage storage;
  private final Server jetty;

  private Open311Server(Storage storage, Server jetty) {
    this.storage = storage;
    this.jetty = jetty;
  }

  /** Opens the storage (running migrations), loads the demo catalog if asked, starts Jetty. */
  public static Open311Server start(ServerConfig config) {
    Storage storage = Storage.open(config.database());
    try {
      if (config.loadDemoCatalog() && storage.catalog().isEmpty()) {
        loadDemoCatalog(storage);
        DemoAreas.load(storage);
      }
      storage.watchAreas();
      Server jetty = jetty(config, storage);
      jetty.start();
      Open311Server server = new Open311Server(storage, jetty);
      LOG.info("GeoReport v2 at {} on {}", server.baseUrl(), storage.describe());
      return server;
    } catch (Exception e) {
      storage.close();
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  public Storage storage() {
    return storage;
  }

  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** The GeoReport base URL, ending in {@code /open311/v2/}. */
  public URI baseUrl() {
    ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
    String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0")
        ? "localhost"
        : connector.getHost();
    return URI.create("http://" + host + ":" + port() + "/open311/v2/");
  }

  /** Blocks until the server is stopped. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("Jetty did not stop cleanly", e);
    } finally {
      storage.close();
    }
  }

  static void loadDemoCatalog(Storage storage) {
    try (InputStream in = Open311Server.class.getClassLoader().getResourceAsStream(DEMO_CATALOG)) {
      if (in == null) {
        throw new IllegalStateException(DEMO_CATALOG + " is missing from the jar");
      }
      int services = storage.catalog().load(CatalogFiles.read(in, DEMO_CATALOG));
      LOG.info("empty database: loaded the demo catalog ({} services)", services);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Server jetty(ServerConfig config, Storage storage) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("http");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // Clients that force a trailing slash on the base URL send '//'; the format filter folds it.
    http.setUriCompliance(
        UriCompliance.DEFAULT.with(
            "open311", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.addConnector(connector);

    ResourceConfig application =
        Open311Application.create(
            storage.catalog(),
            storage.serviceRequests(),
            storage.apiKeys(),
            storage.areas(),
            storage.bulk().feed(),
            Clock.systemUTC(),
            config.endpointType());
    // Buffer whole answers up to this size, so they leave with a Content-Length in one write
    // instead of chunk by chunk: the demo service list alone is 16 KB.
    application.property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, RESPONSE_BUFFER_BYTES);
    RenderedCatalogWriters rendered = new RenderedCatalogWriters();
    application.register(rendered.serviceList());
    application.register(rendered.definition());
    http.setOutputBufferSize(RESPONSE_BUFFER_BYTES);
    ServletContextHandler context = new ServletContextHandler("/");
    context.getServletHandler().setDecodeAmbiguousURIs(true);
    context.addServlet(new ServletHolder(new ServletContainer(application)), "/*");
    context.setErrorHandler(new Open311ErrorHandler());
    server.setHandler(context);
    server.setErrorHandler(new Open311ErrorHandler());
    server.setStopAtShutdown(false);
    return server;
  }

}
