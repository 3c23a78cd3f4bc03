package dev.open311.api.resource;

import dev.open311.api.format.Format;
import dev.open311.api.format.FormatSuffixFilter;
import dev.open311.api.param.ExportParameters;
import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.export.ExportFilter;
import dev.open311.spec.export.ExportFormat;
import dev.open311.spec.export.ExportWriter;
import dev.open311.spec.export.RequestFeed;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.port.Areas;
import dev.open311.spec.port.Catalog;
import dev.open311.spec.error.Open311Error;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The research feed: every request matching the filters, streamed as CSV, NDJSON or GeoJSON with
 * no cap and no 90-day window, in constant memory, never with personal data. Filters are checked
 * before the first byte is sent, so a bad one is a 400 Open311 error.
 *
 * <pre>
 * curl 'http://localhost:8080/open311/v2/export/requests.csv?service_code=PHF&amp;status=closed'
 * curl 'http://localhost:8080/open311/v2/export/requests.ndjson?updated_after=2026-01-01'
 * curl 'http://localhost:8080/open311/v2/export/requests.geojson?start_date=2026-11-01'
 * </pre>
 */
@Path(FormatSuffixFilter.BASE_PATH + "export/requests")
@Singleton
public final class ExportResource {

  private static final Logger log = LoggerFactory.getLogger(ExportResource.class);

  private final Catalog catalog;
  private final RequestFeed feed;
  private final Areas areas;

  @Inject
  public ExportResource(Catalog catalog, RequestFeed feed, Areas areas) {
    this.catalog = catalog;
    this.feed = feed;
    this.areas = areas;
  }

  @GET
  @Produces({Format.CSV_TYPE, Format.NDJSON_TYPE, Format.GEOJSON_TYPE})
  @Operation(
      summary = "GET the research feed (extension)",
      description =
          "Every request matching the filters, streamed as CSV, NDJSON or GeoJSON, in the order"
              + " first stored; no 90-day window, no cap, never personal data (README, Export"
              + " the research feed).")
  @ApiResponse(responseCode = "200", description = "the requests, streamed")
  @ApiResponse(
      responseCode = "400",
      description = "a bad filter: XML errors for .csv, JSON for .ndjson and .geojson",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  @ApiResponse(
      responseCode = "404",
      description = "unknown jurisdiction_id",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Open311Error.class))))
  @Parameter(name = "jurisdiction_id", in = ParameterIn.QUERY,
      description = ParameterDocs.JURISDICTION_ID, schema = @Schema(type = "string"))
  @Parameter(name = "service_code", in = ParameterIn.QUERY,
      description = ParameterDocs.SERVICE_CODE, schema = @Schema(type = "string"))
  @Parameter(name = "status", in = ParameterIn.QUERY,
      description = ParameterDocs.STATUS, schema = @Schema(type = "string"))
  @Parameter(name = "start_date", in = ParameterIn.QUERY,
      description = ParameterDocs.START_DATE,
      schema = @Schema(type = "string"))
  @Parameter(name = "end_date", in = ParameterIn.QUERY,
      description = ParameterDocs.END_DATE,
      schema = @Schema(type = "string"))
  @Parameter(name = "updated_after", in = ParameterIn.QUERY,
      description = "W3C datetime, exclusive, on updated_datetime",
      schema = @Schema(type = "string"))
  @Parameter(name = "updated_before", in = ParameterIn.QUERY,
      description = "W3C datetime, exclusive, on updated_datetime",
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
  @Parameter(name = "bbox", in = ParameterIn.QUERY,
      description = ParameterDocs.BBOX,
      schema = @Schema(type = "string"))
  @Parameter(name = "area_type", in = ParameterIn.QUERY,
      description = ParameterDocs.AREA_TYPE, schema = @Schema(type = "string"))
  @Parameter(name = "area", in = ParameterIn.QUERY,
      description = ParameterDocs.AREA,
      schema = @Schema(type = "string"))
  public Response export(@Context UriInfo uri, @Context ContainerRequestContext request) {
    Jurisdiction jurisdiction = ServicesResource.jurisdiction(catalog, uri);
    ExportFilter filter =
        ExportParameters.filter(jurisdiction, uri.getQueryParameters(), areas::filterTypes);
    Format format = Format.of(request);
    ExportFormat exportFormat = ExportFormat.valueOf(format.name());
    StreamingOutput body = out -> stream(feed, filter, exportFormat, out);
    return Response.ok(body, format.mediaType()).build();
  }

  /**
   * Streams the feed to the client. A client that goes away mid-feed (a researcher's Ctrl-C, a
   * {@code curl | head}) ends it with one line in the log: its write failure, rethrown, had Jersey
   * log a SEVERE error with a 400-line stack trace each time. Any other failure is rethrown.
   */
  static void stream(RequestFeed feed, ExportFilter filter, ExportFormat format, OutputStream out)
      throws IOException {
    ClientOutput client = new ClientOutput(out);
    try (ExportWriter writer = format.writer(client)) {
      feed.stream(filter, writer);
    } catch (IOException e) {
      if (!client.failed) {
        throw e;
      }
      log.info("export stopped: the client went away ({})", e.getMessage());
    }
  }

  /** The GeoReport suffixes name no feed format: a 404 that says which ones do. */
  @GET
  @Produces({Format.JSON_TYPE, Format.XML_TYPE})
  @Hidden
  public Response notAFeedFormat() {
    throw new NotFoundException("the export is served as .csv, .ndjson or .geojson");
  }

  /** The response's stream, remembering whether writing to it failed. */
  private static final class ClientOutput extends FilterOutputStream {
    private boolean failed;

    ClientOutput(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      watched(client -> client.write(b));
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      watched(client -> client.write(bytes, offset, length));
    }

    @Override
    public void flush() throws IOException {
      watched(OutputStream::flush);
    }

    private void watched(Write write) throws IOException {
      try {
        write.to(out);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @FunctionalInterface
    private interface Write {
      void to(OutputStream client) throws IOException;
    }
  }
}
