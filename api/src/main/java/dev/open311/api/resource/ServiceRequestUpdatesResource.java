package dev.open311.api.resource;

import dev.open311.api.format.Format;
import dev.open311.api.format.FormatSuffixFilter;
import dev.open311.api.param.Parameters;
import dev.open311.spec.error.Open311Error;
import dev.open311.spec.format.ServiceRequestUpdateList;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.model.ServiceRequestUpdate;
import dev.open311.spec.port.Catalog;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.spec.query.UpdatesQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;

/**
 * FixMyStreet's updates feed ({@code servicerequestupdates}): the public notes of requests (opened,
 * status changes, comments) between two datetimes, so an integrator can mirror them. Read-only;
 * an {@code api_key} sent with it, as FixMyStreet does, is ignored.
 *
 * <pre>
 * curl 'http://localhost:8080/open311/v2/servicerequestupdates.xml?start_date=2026-11-22T00:00:00Z'
 * </pre>
 */
@Path(FormatSuffixFilter.BASE_PATH + "servicerequestupdates")
@Singleton
public final class ServiceRequestUpdatesResource {

  private final Catalog catalog;
  private final ServiceRequests serviceRequests;
  private final Clock clock;

  @Inject
  public ServiceRequestUpdatesResource(
      Catalog catalog, ServiceRequests serviceRequests, Clock clock) {
    this.catalog = catalog;
    this.serviceRequests = serviceRequests;
    this.clock = clock;
  }

  @GET
  @Produces({Format.JSON_TYPE, Format.XML_TYPE})
  @Operation(
      summary = "GET service request updates (FixMyStreet extension)",
      description = "Oldest first, at most 1000; no date means the last two hours.")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(array = @ArraySchema(schema = @Schema(implementation = ServiceRequestUpdate.class))))
  @ApiResponse(
      responseCode = "400",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  @ApiResponse(
      responseCode = "404",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  @ApiResponse(
      responseCode = "503",
      description = OpenApiResource.BUSY,
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  public ServiceRequestUpdateList updates(
      @QueryParam("jurisdiction_id") String jurisdictionId,
      @Parameter(description = "W3C datetime of the earliest update, inclusive")
          @QueryParam("start_date")
          String startDate,
      @Parameter(description = "W3C datetime of the latest update, exclusive")
          @QueryParam("end_date")
          String endDate,
      @Parameter(description = "comma list: only these requests' updates")
          @QueryParam("service_request_id")
          String serviceRequestIds,
      @Context UriInfo uri) {
    Jurisdiction jurisdiction = ServicesResource.jurisdiction(catalog, uri);
    Parameters parameters = new Parameters(uri.getQueryParameters());
    UpdatesQuery query =
        UpdatesQuery.of(
            jurisdiction.jurisdictionId(),
            parameters.list("service_request_id"),
            parameters.datetime("start_date", jurisdiction.timeZone()),
            parameters.datetime("end_date", jurisdiction.timeZone()),
            clock);
    return new ServiceRequestUpdateList(serviceRequests.updates(query));
  }
}
