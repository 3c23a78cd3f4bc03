package dev.open311.api.resource;

import dev.open311.api.format.Format;
import dev.open311.api.format.FormatSuffixFilter;
import dev.open311.api.server.Open311Application.EndpointType;
import dev.open311.spec.format.W3cDates;
import dev.open311.spec.model.Discovery;
import dev.open311.spec.model.Endpoint;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.port.Catalog;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Service discovery: where the GeoReport v2 endpoint is and which formats it speaks.
 *
 * <pre>curl http://localhost:8080/open311/v2/discovery.json</pre>
 */
@Path(FormatSuffixFilter.BASE_PATH + "discovery")
@Singleton
public final class DiscoveryResource {

  private static final OffsetDateTime NEVER = OffsetDateTime.of(2010, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private final Catalog catalog;
  private final EndpointType endpointType;

  @Inject
  public DiscoveryResource(Catalog catalog, EndpointType endpointType) {
    this.catalog = catalog;
    this.endpointType = endpointType;
  }

  @GET
  @Produces({Format.JSON_TYPE, Format.XML_TYPE})
  @Operation(summary = "Service discovery document")
  public Discovery discovery(@Context UriInfo uri) {
    OffsetDateTime changed = catalog.changedAt();
    String changeset = W3cDates.format(changed == null ? NEVER : changed);
    List<Jurisdiction> jurisdictions = catalog.jurisdictions();
    Jurisdiction first = jurisdictions.isEmpty() ? null : jurisdictions.get(0);
    String url = uri.getBaseUri().toString() + FormatSuffixFilter.BASE_PATH;
    Endpoint endpoint =
        new Endpoint(
            Endpoint.GEOREPORT_V2,
            url.substring(0, url.length() - 1),
            changeset,
            endpointType.value(),
            List.of("text/xml", "application/json"));
    return new Discovery(
        changeset,
        first == null ? "" : first.contact(),
        first == null ? "" : first.keyService(),
        List.of(endpoint));
  }
}
