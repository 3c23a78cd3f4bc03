package dev.open311.api.server;

import dev.open311.api.error.JsonProcessingExceptionMapper;
import dev.open311.api.error.Open311ExceptionMapper;
import dev.open311.api.error.UnexpectedExceptionMapper;
import dev.open311.api.error.WebApplicationExceptionMapper;
import dev.open311.api.format.CorsFilter;
import dev.open311.api.format.FormatSuffixFilter;
import dev.open311.api.format.GeoJsonWriter;
import dev.open311.api.format.JsonDocumentWriter;
import dev.open311.api.format.XmlDocumentWriter;
import dev.open311.api.resource.DiscoveryResource;
import dev.open311.api.resource.ExportResource;
import dev.open311.api.resource.OpenApiResource;
import dev.open311.api.resource.ServiceRequestResource;
import dev.open311.api.resource.ServiceRequestUpdatesResource;
import dev.open311.api.resource.ServiceRequestsResource;
import dev.open311.api.resource.ServiceResource;
import dev.open311.api.resource.ServicesResource;
import dev.open311.api.resource.TokenResource;
import dev.open311.spec.export.RequestFeed;
import dev.open311.spec.port.Areas;
import dev.open311.spec.format.Open311Mappers;
import dev.open311.spec.port.ApiKeys;
import dev.open311.spec.port.Catalog;
import dev.open311.spec.port.ServiceRequests;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The Jersey application: every resource and provider listed by hand, no classpath scanning.
 * Tests build the same configuration.
 */
public final class Open311Application {

  /** The resources of the GeoReport v2 API, also the source of the OpenAPI description. */
  public static final List<Class<?>> RESOURCES =
      List.of(
          DiscoveryResource.class,
          ServicesResource.class,
          ServiceResource.class,
          ServiceRequestsResource.class,
          ServiceRequestResource.class,
          TokenResource.class,
          ServiceRequestUpdatesResource.class);

  /**
   * Every resource the OpenAPI description covers: {@link #RESOURCES} and the bulk research feed,
   * an extension served as .csv, .ndjson or .geojson.
   */
  public static final List<Class<?>> DESCRIBED =
      Stream.concat(RESOURCES.stream(), Stream.of(ExportResource.class)).toList();

  private Open311Application() {}

  public static ResourceConfig create(
      Catalog catalog,
      ServiceRequests serviceRequests,
      ApiKeys apiKeys,
      Areas areas,
      RequestFeed requestFeed,
      Clock clock,
      String endpointType) {
    ResourceConfig config = new ResourceConfig();
    RESOURCES.forEach(config::register);
    config.register(OpenApiResource.class);
    config.register(ExportResource.class);
    config.register(new JsonDocumentWriter(Open311Mappers.json()));
    config.register(new XmlDocumentWriter(Open311Mappers.xml()));
    config.register(new GeoJsonWriter(Open311Mappers.json()));
    config.register(FormatSuffixFilter.class);
    config.register(CorsFilter.class);
    config.register(Open311ExceptionMapper.class);
    config.register(WebApplicationExceptionMapper.class);
    config.register(JsonProcessingExceptionMapper.class);
    config.register(UnexpectedExceptionMapper.class);
    config.register(
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(catalog).to(Catalog.class);
            bind(serviceRequests).to(ServiceRequests.class);
            bind(apiKeys).to(ApiKeys.class);
            bind(areas).to(Areas.class);
            bind(requestFeed).to(RequestFeed.class);
            bind(clock).to(Clock.class);
            bind(new EndpointType(endpointType)).to(EndpointType.class);
          }
        });
    config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    config.property(ServerProperties.BV_FEATURE_DISABLE, true);
    config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    config.property(ServerProperties.PROCESSING_RESPONSE_ERRORS_ENABLED, true);
    return config;
  }

  /** The discovery {@code type} of this endpoint: production or test. */
  public record EndpointType(String value) {}
}
