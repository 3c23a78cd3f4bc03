package dev.open311.api.resource;

import dev.open311.api.format.Format;
import dev.open311.api.format.FormatSuffixFilter;
import dev.open311.api.param.Parameters;
import dev.open311.spec.format.ServiceList;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.port.Catalog;
import dev.open311.spec.rule.JurisdictionRules;
import io.swagger.v3.oas.annotations.Operation;
import dev.open311.spec.error.Open311Error;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.open311.spec.model.Service;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * GET service list: the request types residents can file.
 *
 * <pre>curl http://localhost:8080/open311/v2/services.xml</pre>
 */
@Path(FormatSuffixFilter.BASE_PATH + "services")
@Singleton
public final class ServicesResource {

  private final Catalog catalog;

  @Inject
  public ServicesResource(Catalog catalog) {
    this.catalog = catalog;
  }

  @GET
  @Produces({Format.JSON_TYPE, Format.XML_TYPE})
  @Operation(summary = "GET service list")
  @ApiResponse(
      responseCode = "200",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Service.class))))
  @ApiResponse(
      responseCode = "400",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  @ApiResponse(
      responseCode = "404",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  public ServiceList services(
      @Parameter(description = "optional while one jurisdiction is served")
          @QueryParam("jurisdiction_id")
          String jurisdictionId,
      @Context UriInfo uri) {
    Jurisdiction jurisdiction = jurisdiction(catalog, uri);
    return new ServiceList(catalog.services(jurisdiction.jurisdictionId()));
  }

  static Jurisdiction jurisdiction(Catalog catalog, UriInfo uri) {
    String requested = new Parameters(uri.getQueryParameters()).optional("jurisdiction_id");
    return JurisdictionRules.resolve(requested, catalog.jurisdictions());
  }
}
