package dev.open311.api.resource;

import dev.open311.api.format.Format;
import dev.open311.api.format.FormatSuffixFilter;
import dev.open311.api.server.Open311Application;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 description of the GeoReport v2 endpoints, built once from the registered
 * resources (no classpath scan) with the {@code .{format}} suffix every real URL carries.
 *
 * <pre>curl http://localhost:8080/open311/v2/openapi.json</pre>
 */
@Path(FormatSuffixFilter.BASE_PATH + "openapi")
@Singleton
public final class OpenApiResource {

  /**
   * The 503 of the calls that need a database connection: the reads wait for a turn (serve
   * --db-concurrency), filings for the pool.
   */
  static final String BUSY =
      "cannot answer now: no database turn or connection came within --db-connection-timeout"
          + " (30 s by default), all in use or PostgreSQL unreachable; see Retry-After";

  private final String document = Json31.pretty(describe());

  @GET
  @Produces(Format.JSON_TYPE)
  public String openApi() {
    return document;
  }

  /** The formats a path is served in, as the suffix names them: json and xml but where listed. */
  private static final Map<String, List<String>> FORMATS =
      Map.of(
          "/" + FormatSuffixFilter.BASE_PATH + "requests", List.of("json", "xml", "geojson"),
          "/" + FormatSuffixFilter.BASE_PATH + "export/requests",
              List.of("csv", "ndjson", "geojson"));

  /** The description of {@link Open311Application#DESCRIBED}. */
  public static OpenAPI describe() {
    OpenAPI base =
        new OpenAPI()
            .openapi("3.1.0")
            .info(
                new Info()
                    .title("Open311 GeoReport v2")
                    .version("v2")
                    .description(
                        "GeoReport v2 (http://wiki.open311.org/GeoReport_v2). Every path takes"
                            + " the format as a suffix: .json or .xml; requests also .geojson, and"
                            + " the research feed (an extension) .csv, .ndjson or .geojson.")
                    .license(new License().name("Apache-2.0")));
    SwaggerConfiguration configuration =
        new SwaggerConfiguration().openAPI(base).openAPI31(true).prettyPrint(true);
    OpenAPI read =
        new Reader(configuration).read(new LinkedHashSet<>(Open311Application.DESCRIBED));
    read.openapi("3.1.0");
    Paths suffixed = new Paths();
    for (Map.Entry<String, PathItem> entry : read.getPaths().entrySet()) {
      PathItem item = entry.getValue();
      item.addParametersItem(
          new PathParameter()
              .name("format")
              .description("the response format")
              .schema(
                  new StringSchema()
                      ._enum(FORMATS.getOrDefault(entry.getKey(), List.of("json", "xml")))));
      suffixed.addPathItem(entry.getKey() + ".{format}", item);
    }
    return read.paths(suffixed);
  }
}
