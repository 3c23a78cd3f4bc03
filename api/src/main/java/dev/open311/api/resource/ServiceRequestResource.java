package dev.open311.api.resource;

import dev.open311.api.format.Format;
import dev.open311.api.format.FormatSuffixFilter;
import dev.open311.spec.error.NotFoundException;
import dev.open311.api.param.Parameters;
import dev.open311.spec.format.ServiceRequestDocuments;
import dev.open311.spec.format.ServiceRequestList;
import dev.open311.spec.query.ServiceRequestPage;
import dev.open311.spec.query.ServiceRequestQuery;
import io.swagger.v3.oas.annotations.Parameter;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.port.Catalog;
import dev.open311.spec.port.ServiceRequests;
import io.swagger.v3.oas.annotations.Operation;
import dev.open311.spec.error.Open311Error;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.open311.spec.model.ServiceRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * GET service request: one request, as a one-element list like every client expects.
 *
 * <pre>
 * curl http://localhost:8080/open311/v2/requests/1.xml
 * curl 'http://localhost:8080/open311/v2/requests/1.json?extensions=true'
 * </pre>
 */
@Path(FormatSuffixFilter.BASE_PATH + "requests/{service_request_id}")
@Singleton
public final class ServiceRequestResource {

  private final Catalog catalog;
  private final ServiceRequests serviceRequests;

  @Inject
  public ServiceRequestResource(Catalog catalog, ServiceRequests serviceRequests) {
    this.catalog = catalog;
    this.serviceRequests = serviceRequests;
  }

  @GET
  @Produces({Format.JSON_TYPE, Format.XML_TYPE})
  @Operation(summary = "GET service request")
  @ApiResponse(
      responseCode = "200",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = ServiceRequest.class))))
  @ApiResponse(
      responseCode = "404",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  @ApiResponse(
      responseCode = "503",
      description = OpenApiResource.BUSY,
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  public Response serviceRequest(
      @PathParam("service_request_id") String serviceRequestId,
      @QueryParam("jurisdiction_id") String jurisdictionId,
      @Parameter(description = "true: add attributes, extended_attributes and notes")
          @QueryParam("extensions")
          String extensions,
      @Context UriInfo uri) {
    Jurisdiction jurisdiction = ServicesResource.jurisdiction(catalog, uri);
    boolean extended = new Parameters(uri.getQueryParameters()).bool("extensions");
    if (!extended) {
      // The standard representation has its own one-row lookup, the most frequent read there is.
      ServiceRequest request =
          serviceRequests
              .find(jurisdiction.jurisdictionId(), serviceRequestId)
              .orElseThrow(() -> NotFoundException.serviceRequest(serviceRequestId));
      return Response.ok(new ServiceRequestList(List.of(request))).build();
    }
    ServiceRequestPage page =
        serviceRequests.search(
            ServiceRequestQuery.byId(jurisdiction.jurisdictionId(), serviceRequestId, true));
    if (page.requests().isEmpty()) {
      throw NotFoundException.serviceRequest(serviceRequestId);
    }
    return Response.ok(ServiceRequestDocuments.of(page, true)).build();
  }
}
