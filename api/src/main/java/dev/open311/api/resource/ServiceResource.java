package dev.open311.api.resource;

import dev.open311.api.format.Format;
import dev.open311.api.format.FormatSuffixFilter;
import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.model.ServiceDefinition;
import dev.open311.spec.port.Catalog;
import io.swagger.v3.oas.annotations.Operation;
import dev.open311.spec.error.Open311Error;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * GET service definition: the questions a service asks.
 *
 * <pre>curl http://localhost:8080/open311/v2/services/SGA.json</pre>
 */
@Path(FormatSuffixFilter.BASE_PATH + "services/{service_code}")
@Singleton
public final class ServiceResource {

  private final Catalog catalog;

  @Inject
  public ServiceResource(Catalog catalog) {
    this.catalog = catalog;
  }

  @GET
  @Produces({Format.JSON_TYPE, Format.XML_TYPE})
  @Operation(summary = "GET service definition")
  @ApiResponse(
      responseCode = "404",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  public ServiceDefinition definition(
      @PathParam("service_code") String serviceCode,
      @QueryParam("jurisdiction_id") String jurisdictionId,
      @Context UriInfo uri) {
    Jurisdiction jurisdiction = ServicesResource.jurisdiction(catalog, uri);
    return catalog
        .definition(jurisdiction.jurisdictionId(), serviceCode)
        .orElseThrow(() -> NotFoundException.service(serviceCode));
  }
}
