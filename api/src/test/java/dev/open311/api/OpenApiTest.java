package dev.open311.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.open311.api.resource.OpenApiResource;
import dev.open311.api.server.Open311Application;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;

/** The OpenAPI description names exactly the paths and methods the resources register. */
class OpenApiTest {

  @Test
  void describesEveryRegisteredOperationAndNothingElse() {
    Set<String> registered = new TreeSet<>();
    for (Class<?> type : Open311Application.DESCRIBED) {
      Resource resource = Resource.from(type);
      for (ResourceMethod method : resource.getResourceMethods()) {
        if (method.getInvocable().getHandlingMethod().isAnnotationPresent(
            io.swagger.v3.oas.annotations.Hidden.class)) {
          continue; // the export's 404 for .json and .xml
        }
        registered.add(method.getHttpMethod() + " /" + resource.getPath() + ".{format}");
      }
    }
    Set<String> described = new TreeSet<>();
    OpenAPI openApi = OpenApiResource.describe();
    for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
      path.getValue().readOperationsMap().keySet()
          .forEach(method -> described.add(method.name() + " " + path.getKey()));
    }
    assertEquals(registered, described);
    assertEquals(9, described.size(),
        "the seven GeoReport v2 operations, the updates feed and the export: " + described);
    assertEquals("3.1.0", openApi.getOpenapi());
  }

  @Test
  void getRequestsDocumentsTheStandardAndExtensionParameters() {
    var parameters =
        OpenApiResource.describe().getPaths().get("/open311/v2/requests.{format}").getGet()
            .getParameters().stream()
            .map(io.swagger.v3.oas.models.parameters.Parameter::getName)
            .toList();
    assertEquals(
        java.util.List.of(
            "jurisdiction_id", "service_request_id", "service_code", "status", "start_date",
            "end_date", "lat", "long", "radius", "sort", "bbox", "area_type", "area", "page",
            "page_size", "updated_after", "updated_before", "cursor", "extensions"),
        parameters);
  }

  @Test
  void eachPathNamesTheFormatsItIsServedIn() {
    var paths = OpenApiResource.describe().getPaths();
    assertEquals(java.util.List.of("csv", "ndjson", "geojson"),
        format(paths.get("/open311/v2/export/requests.{format}")));
    assertEquals(java.util.List.of("json", "xml", "geojson"),
        format(paths.get("/open311/v2/requests.{format}")));
    assertEquals(java.util.List.of("json", "xml"), format(paths.get("/open311/v2/services.{format}")));
    var export = paths.get("/open311/v2/export/requests.{format}").getGet().getParameters()
        .stream().map(io.swagger.v3.oas.models.parameters.Parameter::getName).toList();
    assertEquals(java.util.List.of("jurisdiction_id", "service_code", "status", "start_date",
        "end_date", "updated_after", "updated_before", "lat", "long", "radius", "bbox",
        "area_type", "area"), export);
  }

  private static java.util.List<?> format(PathItem path) {
    return path.getParameters().stream().filter(p -> p.getName().equals("format")).findFirst()
        .orElseThrow().getSchema().getEnum();
  }

  @Test
  void callsThatWaitForTheDatabaseDocumentTheirBusyAnswer() {
    var paths = OpenApiResource.describe().getPaths();
    for (String path :
        java.util.List.of(
            "/open311/v2/requests.{format}",
            "/open311/v2/requests/{service_request_id}.{format}",
            "/open311/v2/tokens/{token}.{format}",
            "/open311/v2/servicerequestupdates.{format}")) {
      var responses = paths.get(path).getGet().getResponses();
      org.junit.jupiter.api.Assertions.assertTrue(
          responses.containsKey("503"), path + " documents " + responses.keySet());
    }
    var filing = paths.get("/open311/v2/requests.{format}").getPost().getResponses();
    org.junit.jupiter.api.Assertions.assertTrue(
        filing.containsKey("503"), "POST requests documents " + filing.keySet());
  }
}
