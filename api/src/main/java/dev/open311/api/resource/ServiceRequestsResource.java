package dev.open311.api.resource;

import dev.open311.api.format.Format;
import dev.open311.api.format.FormatSuffixFilter;
import dev.open311.api.param.FormBody;
import dev.open311.api.param.Parameters;
import dev.open311.api.param.SearchParameters;
import dev.open311.api.param.ServiceRequestForms;
import dev.open311.spec.error.ApiKeyException;
import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.format.ReceiptList;
import dev.open311.spec.format.ServiceRequestDocuments;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.model.NewServiceRequest;
import dev.open311.spec.model.ServiceDefinition;
import dev.open311.spec.model.ServiceRequestForm;
import dev.open311.spec.port.ApiKeys;
import dev.open311.spec.port.Areas;
import dev.open311.spec.port.Catalog;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.spec.query.ServiceRequestPage;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.spec.rule.JurisdictionRules;
import dev.open311.spec.rule.ServiceRequestRules;
import io.swagger.v3.oas.annotations.Operation;
import dev.open311.spec.error.Open311Error;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.open311.spec.model.ServiceRequestReceipt;
import dev.open311.spec.model.ServiceRequest;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

/**
 * GET service requests (search) and POST service request (file one).
 *
 * <pre>
 * curl 'http://localhost:8080/open311/v2/requests.json?service_code=PHF&amp;status=open'
 * curl 'http://localhost:8080/open311/v2/requests.geojson?lat=41.8837&amp;long=-87.6278&amp;radius=500'
 * curl -i 'http://localhost:8080/open311/v2/requests.json?updated_after=1970-01-01T00:00:00Z&amp;page_size=500'
 * curl -d api_key=KEY -d service_code=PHF -d lat=41.88 -d long=-87.62 \
 *      http://localhost:8080/open311/v2/requests.json
 * </pre>
 */
@Path(FormatSuffixFilter.BASE_PATH + "requests")
@Singleton
public final class ServiceRequestsResource {

  private final Catalog catalog;
  private final ServiceRequests serviceRequests;
  private final ApiKeys apiKeys;
  private final Areas areas;
  private final Clock clock;

  @Inject
  public ServiceRequestsResource(
      Catalog catalog, ServiceRequests serviceRequests, ApiKeys apiKeys, Areas areas, Clock clock) {
    this.catalog = catalog;
    this.serviceRequests = serviceRequests;
    this.apiKeys = apiKeys;
    this.areas = areas;
    this.clock = clock;
  }

  @GET
  @Produces({Format.JSON_TYPE, Format.XML_TYPE, Format.GEOJSON_TYPE})
  @Operation(
      summary = "GET service requests",
      description =
          "The standard search plus lat/long/radius, bbox, area_type/area, page/page_size,"
              + " updated_after/updated_before with the harvest cursor, extensions=true, and the"
              + " .geojson format (README, GET requests parameters).")
  @ApiResponse(
      responseCode = "200",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = ServiceRequest.class))))
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
  @Parameter(name = "jurisdiction_id",
      in = ParameterIn.QUERY,
      description = ParameterDocs.JURISDICTION_ID,
      schema = @Schema(type = "string"))
  @Parameter(name = "service_request_id", in = ParameterIn.QUERY,
      description = "comma list; overrides every other filter",
      schema = @Schema(type = "string"))
  @Parameter(name = "service_code", in = ParameterIn.QUERY,
      description = ParameterDocs.SERVICE_CODE,
      schema = @Schema(type = "string"))
  @Parameter(name = "status", in = ParameterIn.QUERY,
      description = ParameterDocs.STATUS,
      schema = @Schema(type = "string"))
  @Parameter(name = "start_date", in = ParameterIn.QUERY,
      description = ParameterDocs.START_DATE,
      schema = @Schema(type = "string"))
  @Parameter(name = "end_date", in = ParameterIn.QUERY,
      description = ParameterDocs.END_DATE,
      schema = @Schema(type = "string"))
  @Parameter(name = "lat", in = ParameterIn.QUERY,
      description = ParameterDocs.LAT,
      schema = @Schema(type = "string"))
  @Parameter(name = "long", in = ParameterIn.QUERY,
      description = ParameterDocs.LONG,
      schema = @Schema(type = "string"))
  @Parameter(name = "radius", in = ParameterIn.QUERY,
      description = ParameterDocs.RADIUS,
      schema = @Schema(type = "string"))
  @Parameter(name = "sort", in = ParameterIn.QUERY,
      description = "distance: nearest to lat/long first",
      schema = @Schema(type = "string"))
  @Parameter(name = "bbox", in = ParameterIn.QUERY,
      description = ParameterDocs.BBOX,
      schema = @Schema(type = "string"))
  @Parameter(name = "area_type", in = ParameterIn.QUERY,
      description = ParameterDocs.AREA_TYPE,
      schema = @Schema(type = "string"))
  @Parameter(name = "area", in = ParameterIn.QUERY,
      description = ParameterDocs.AREA,
      schema = @Schema(type = "string"))
  @Parameter(name = "page", in = ParameterIn.QUERY,
      description = "one-based page (0 is taken as 1); paged calls have no 90-day window",
      schema = @Schema(type = "string"))
  @Parameter(name = "page_size", in = ParameterIn.QUERY,
      description = "requests per page, default 50, max 500",
      schema = @Schema(type = "string"))
  @Parameter(name = "updated_after", in = ParameterIn.QUERY,
      description = "W3C datetime, inclusive, on updated_datetime; a harvest (change order)",
      schema = @Schema(type = "string"))
  @Parameter(name = "updated_before", in = ParameterIn.QUERY,
      description = "W3C datetime, exclusive, on updated_datetime; a harvest (change order)",
      schema = @Schema(type = "string"))
  @Parameter(name = "cursor", in = ParameterIn.QUERY,
      description = "continue a harvest after this position (X-Open311-Next-Cursor)",
      schema = @Schema(type = "string"))
  @Parameter(name = "extensions", in = ParameterIn.QUERY,
      description = "true: add attributes, extended_attributes and notes",
      schema = @Schema(type = "string"))
  public Response search(
      @Context UriInfo uri,
      @Context ContainerRequestContext request) {
    Jurisdiction jurisdiction = ServicesResource.jurisdiction(catalog, uri);
    ServiceRequestQuery query =
        SearchParameters.query(uri.getQueryParameters(), jurisdiction, areas::filterTypes, clock);
    ServiceRequestPage page = serviceRequests.search(query);
    return HarvestLinks.withNext(
        ServiceRequestDocuments.of(page, query.extensions()), page.next(), uri, request);
  }

  @POST
  @Produces({Format.JSON_TYPE, Format.XML_TYPE})
  @Operation(summary = "POST service request (application/x-www-form-urlencoded)")
  @ApiResponse(
      responseCode = "200",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = ServiceRequestReceipt.class))))
  @ApiResponse(
      responseCode = "400",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  @ApiResponse(
      responseCode = "403",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  @ApiResponse(
      responseCode = "404",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  @ApiResponse(
      responseCode = "413",
      description = "the body is larger than 1 MiB",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  @ApiResponse(
      responseCode = "503",
      description = OpenApiResource.BUSY,
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  public ReceiptList file(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @Context UriInfo uri,
      InputStream body) {
    MultivaluedMap<String, String> values =
        FormBody.merge(uri.getQueryParameters(), contentType, body);
    checkApiKey(new Parameters(values).optional("api_key"), authorization);
    ServiceRequestForm form = ServiceRequestForms.read(values);
    Jurisdiction jurisdiction =
        JurisdictionRules.resolve(form.jurisdictionId(), catalog.jurisdictions());
    if (form.serviceCode() == null) {
      throw InvalidRequestException.missing("service_code");
    }
    ServiceDefinition definition =
        catalog
            .definition(jurisdiction.jurisdictionId(), form.serviceCode())
            .orElseThrow(() -> NotFoundException.service(form.serviceCode()));
    NewServiceRequest request = ServiceRequestRules.validate(form, definition, jurisdiction);
    return new ReceiptList(List.of(serviceRequests.file(request)));
  }

  private void checkApiKey(String apiKey, String authorization) {
    String key = apiKey;
    if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      key = authorization.substring(7).trim();
    }
    if (key == null || key.isEmpty()) {
      throw ApiKeyException.missing();
    }
    if (!apiKeys.isValid(key)) {
      throw ApiKeyException.invalid();
    }
  }
}
