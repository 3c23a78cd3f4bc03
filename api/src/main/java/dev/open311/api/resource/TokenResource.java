package dev.open311.api.resource;

import dev.open311.api.format.Format;
import dev.open311.api.format.FormatSuffixFilter;
import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.format.TokenStatusList;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.port.Catalog;
import dev.open311.spec.port.ServiceRequests;
import io.swagger.v3.oas.annotations.Operation;
import dev.open311.spec.error.Open311Error;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.open311.spec.model.TokenStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * GET service_request_id from a token, for batch services.
 *
 * <pre>curl http://localhost:8080/open311/v2/tokens/6f1c7c1e-0d4e-4c53-9d5b-2a4f0e0b1c2d.json</pre>
 */
@Path(FormatSuffixFilter.BASE_PATH + "tokens/{token}")
@Singleton
public final class TokenResource {

  private final Catalog catalog;
  private final ServiceRequests serviceRequests;

  @Inject
  public TokenResource(Catalog catalog, ServiceRequests serviceRequests) {
    this.catalog = catalog;
    this.serviceRequests = serviceRequests;
  }

  @GET
  @Produces({Format.JSON_TYPE, Format.XML_TYPE})
  @Operation(summary = "GET service_request_id from a token")
  @ApiResponse(
      responseCode = "200",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = TokenStatus.class))))
  @ApiResponse(
      responseCode = "404",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  @ApiResponse(
      responseCode = "503",
      description = OpenApiResource.BUSY,
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  public TokenStatusList token(
      @PathParam("token") String token,
      @QueryParam("jurisdiction_id") String jurisdictionId,
      @Context UriInfo uri) {
    Jurisdiction jurisdiction = ServicesResource.jurisdiction(catalog, uri);
    return serviceRequests
        .token(jurisdiction.jurisdictionId(), token)
        .map(status -> new TokenStatusList(List.of(status)))
        .orElseThrow(() -> NotFoundException.token(token));
  }
}
