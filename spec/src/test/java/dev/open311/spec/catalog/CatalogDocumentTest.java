package dev.open311.spec.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.catalog.CatalogFiles.InvalidCatalogException;
import dev.open311.spec.model.AttributeValue;
import dev.open311.spec.model.Datatype;
import dev.open311.spec.model.ServiceAttribute;
import dev.open311.spec.model.ServiceType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalog file format: the shipped demo loads, and every mistake is named before loading. */
class CatalogDocumentTest {

  /** Surefire runs with the spec module as working directory. */
  private static final Path DEMO = Path.of("../api/src/main/resources/catalog/chicago-demo.json");

  // the shipped demo catalog

  @Test
  void demoCatalogReadsWithoutProblems() throws IOException {
    CatalogDocument demo = readDemo();

    assertEquals(List.of(), demo.problems());
    assertEquals("cityofchicago.org", demo.jurisdictions().get(0).jurisdictionId());
    assertEquals("America/Chicago", demo.jurisdictions().get(0).timeZone());
  }

  @Test
  void demoCatalogOffersAtLeastTwentyFiveServices() throws IOException {
    assertTrue(services(readDemo()).size() >= 25, "services: " + services(readDemo()).size());
  }

  @Test
  void demoCatalogHasAtLeastFiveServicesWithDefinitions() throws IOException {
    long withAttributes =
        services(readDemo()).stream().filter(s -> !s.attributes().isEmpty()).count();

    assertTrue(withAttributes >= 5, "services with attributes: " + withAttributes);
  }

  @Test
  void demoCatalogUsesAllSixDatatypes() throws IOException {
    Set<Datatype> used =
        attributes(readDemo()).stream()
            .map(ServiceAttribute::datatype)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Datatype.class)));

    assertEquals(EnumSet.allOf(Datatype.class), used);
  }

  @Test
  void demoCatalogHasAnInformationalAttribute() throws IOException {
    assertTrue(attributes(readDemo()).stream().anyMatch(a -> !a.variable()));
  }

  @Test
  void demoCatalogHasABatchService() throws IOException {
    assertTrue(services(readDemo()).stream().anyMatch(s -> s.type() == ServiceType.BATCH));
  }

  @Test
  void demoCatalogWrittenAsYamlReadsBackEqual() throws IOException {
    CatalogDocument demo = readDemo();
    ByteArrayOutputStream yaml = new ByteArrayOutputStream();

    CatalogFiles.write(demo, yaml, "chicago-demo.yaml");

    assertEquals(demo, CatalogFiles.read(new ByteArrayInputStream(yaml.toByteArray()), "x.yaml"));
  }

  // JSON and YAML

  private static final String SMALL_JSON =
      """
      {
        "jurisdictions": [
          {
            "jurisdiction_id": "example.gov",
            "name": "Example City",
            "time_zone": "America/Chicago",
            "contact": "311@example.gov",
            "key_service": "Ask the operator",
            "groups": [ { "name": "Streets", "description": "Roads and sidewalks" } ],
            "services": [
              {
                "service_code": "PHF",
                "service_name": "Pothole",
                "description": "A hole in the road",
                "type": "batch",
                "keywords": "pothole, road",
                "group": "Streets",
                "agency_responsible": "Streets Department",
                "service_notice": "Patched within 7 days",
                "expected_days": 7,
                "attributes": [
                  {
                    "variable": true,
                    "code": "WHERE",
                    "datatype": "singlevaluelist",
                    "required": true,
                    "datatype_description": null,
                    "order": 1,
                    "description": "Where is it?",
                    "values": [ { "key": "STREET", "name": "In the street" },
                                { "key": "ALLEY", "name": "In the alley" } ]
                  },
                  {
                    "variable": true,
                    "code": "SIZE",
                    "datatype": "number",
                    "required": false,
                    "datatype_description": "Inches across",
                    "order": 2,
                    "description": "How big?"
                  }
                ]
              }
            ]
          }
        ]
      }
      """;

  private static final String SMALL_YAML =
      """
      # the same catalog as SMALL_JSON
      jurisdictions:
        - jurisdiction_id: example.gov
          name: Example City
          time_zone: America/Chicago
          contact: 311@example.gov
          key_service: Ask the operator
          groups:
            - name: Streets
              description: Roads and sidewalks
          services:
            - service_code: PHF
              service_name: Pothole
              description: A hole in the road
              type: batch
              keywords: pothole, road
              group: Streets
              agency_responsible: Streets Department
              service_notice: Patched within 7 days
              expected_days: 7
              attributes:
                - variable: true
                  code: WHERE
                  datatype: singlevaluelist
                  required: true
                  order: 1
                  description: Where is it?
                  values:
                    - key: STREET
                      name: In the street
                    - key: ALLEY
                      name: In the alley
                - variable: true
                  code: SIZE
                  datatype: number
                  required: false
                  datatype_description: Inches across
                  order: 2
                  description: How big?
      """;

  @Test
  void yamlAndJsonFilesWithTheSameContentReadEqual() throws IOException {
    CatalogDocument json = read(SMALL_JSON, "catalog.json");
    CatalogDocument yaml = read(SMALL_YAML, "catalog.yaml");

    assertEquals(json, yaml);
    CatalogService pothole = json.jurisdictions().get(0).services().get(0);
    assertEquals(ServiceType.BATCH, pothole.type());
    assertEquals(7, pothole.expectedDays());
    assertEquals(
        List.of(
            new AttributeValue("STREET", "In the street"),
            new AttributeValue("ALLEY", "In the alley")),
        pothole.attributes().get(0).values());
  }

  @Test
  void ymlExtensionIsReadAsYaml() throws IOException {
    assertEquals(read(SMALL_JSON, "catalog.json"), read(SMALL_YAML, "CATALOG.YML"));
  }

  @Test
  void serviceWithoutTypeIsRealtime() {
    assertEquals(ServiceType.REALTIME, service("PHF", null).type());
  }

  // problems, each naming where it is

  @Test
  void validDocumentHasNoProblems() {
    assertEquals(List.of(), document(jurisdiction(service("PHF", null))).problems());
  }

  @Test
  void reportsADuplicateServiceCode() {
    List<String> problems =
        document(jurisdiction(service("PHF", null), service("PHF", null))).problems();

    assertOneProblem(problems, "PHF", "twice");
  }

  @Test
  void reportsAServiceInAnUnknownGroup() {
    List<String> problems = document(jurisdiction(service("PHF", "Parks"))).problems();

    assertOneProblem(problems, "service PHF", "Parks");
  }

  @Test
  void reportsADuplicateAttributeOrder() {
    List<String> problems =
        document(jurisdiction(service("PHF", null, number("SIZE", 1), number("DEPTH", 1))))
            .problems();

    assertOneProblem(problems, "service PHF, attribute DEPTH", "order");
  }

  @Test
  void reportsAnOrderBelowOne() {
    List<String> problems =
        document(jurisdiction(service("PHF", null, number("SIZE", 0)))).problems();

    assertOneProblem(problems, "service PHF, attribute SIZE", "order");
  }

  @Test
  void reportsAListWithoutValues() {
    ServiceAttribute where =
        new ServiceAttribute(
            true, "WHERE", Datatype.MULTIVALUELIST, false, null, 1, "Where?", List.of());

    List<String> problems = document(jurisdiction(service("PHF", null, where))).problems();

    assertOneProblem(problems, "service PHF, attribute WHERE", "multivaluelist needs values");
  }

  @Test
  void reportsValuesOnANonListAttribute() {
    ServiceAttribute size =
        new ServiceAttribute(
            true,
            "SIZE",
            Datatype.NUMBER,
            false,
            null,
            1,
            "How big?",
            List.of(new AttributeValue("1", "One")));

    List<String> problems = document(jurisdiction(service("PHF", null, size))).problems();

    assertOneProblem(problems, "service PHF, attribute SIZE", "values");
  }

  @Test
  void reportsARequiredInformationalAttribute() {
    ServiceAttribute notice =
        new ServiceAttribute(
            false, "NOTICE", Datatype.STRING, true, null, 1, "Call 911", List.of());

    List<String> problems = document(jurisdiction(service("PHF", null, notice))).problems();

    assertOneProblem(problems, "service PHF, attribute NOTICE", "informational");
  }

  @Test
  void reportsDuplicateValueKeys() {
    ServiceAttribute where =
        new ServiceAttribute(
            true,
            "WHERE",
            Datatype.SINGLEVALUELIST,
            true,
            null,
            1,
            "Where?",
            List.of(new AttributeValue("STREET", "Street"), new AttributeValue("STREET", "Road")));

    List<String> problems = document(jurisdiction(service("PHF", null, where))).problems();

    assertOneProblem(problems, "service PHF, attribute WHERE", "value keys");
  }

  @Test
  void reportsADuplicateAttributeCode() {
    List<String> problems =
        document(jurisdiction(service("PHF", null, number("SIZE", 1), number("SIZE", 2))))
            .problems();

    assertOneProblem(problems, "service PHF, attribute SIZE", "unique");
  }

  @Test
  void reportsAnAttributeWithoutDatatype() {
    ServiceAttribute size =
        new ServiceAttribute(true, "SIZE", null, false, null, 1, "How big?", List.of());

    List<String> problems = document(jurisdiction(service("PHF", null, size))).problems();

    assertOneProblem(problems, "service PHF, attribute SIZE", "datatype");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Mars/Olympus_Mons", "", "Chicago", "Central Time"})
  void reportsABadTimeZone(String zone) {
    CatalogJurisdiction bad =
        new CatalogJurisdiction(
            "example.gov",
            "Example City",
            zone,
            null,
            null,
            List.of(),
            List.of(service("PHF", null)));

    assertOneProblem(document(bad).problems(), "jurisdiction example.gov", "time_zone");
  }

  @Test
  void reportsAMissingTimeZone() {
    CatalogJurisdiction bad =
        new CatalogJurisdiction(
            "example.gov", "Example City", null, null, null, List.of(), List.of());

    assertOneProblem(document(bad).problems(), "jurisdiction example.gov", "time_zone");
  }

  @Test
  void reportsAMissingJurisdictionName() {
    CatalogJurisdiction bad =
        new CatalogJurisdiction(
            "example.gov", " ", "America/Chicago", null, null, List.of(), List.of());

    assertOneProblem(document(bad).problems(), "jurisdiction example.gov", "name");
  }

  @Test
  void reportsAMissingServiceName() {
    CatalogService nameless =
        new CatalogService("PHF", null, "A hole", null, null, null, null, null, null, List.of());

    assertOneProblem(document(jurisdiction(nameless)).problems(), "service PHF", "service_name");
  }

  @Test
  void reportsAMissingServiceCode() {
    CatalogService codeless =
        new CatalogService(
            null, "Pothole", "A hole", null, null, null, null, null, null, List.of());

    assertOneProblem(
        document(jurisdiction(codeless)).problems(), "jurisdiction example.gov", "service_code");
  }

  @Test
  void reportsANegativeServiceLevel() {
    CatalogService late =
        new CatalogService("PHF", "Pothole", null, null, null, null, null, null, -1, List.of());

    assertOneProblem(document(jurisdiction(late)).problems(), "service PHF", "expected_days");
  }

  @Test
  void reportsADuplicateGroupName() {
    CatalogJurisdiction twice =
        new CatalogJurisdiction(
            "example.gov",
            "Example City",
            "America/Chicago",
            null,
            null,
            List.of(new CatalogGroup("Streets", null), new CatalogGroup("Streets", null)),
            List.of());

    assertOneProblem(document(twice).problems(), "jurisdiction example.gov", "Streets");
  }

  @Test
  void reportsTheSameJurisdictionTwiceIgnoringCase() {
    CatalogJurisdiction upper =
        new CatalogJurisdiction(
            "Example.GOV", "Example City", "America/Chicago", null, null, List.of(), List.of());

    assertOneProblem(
        document(jurisdiction(service("PHF", null)), upper).problems(), "Example.GOV", "twice");
  }

  @Test
  void reportsACatalogWithoutJurisdictions() {
    assertOneProblem(new CatalogDocument(null).problems(), "no jurisdictions", "");
  }

  @Test
  void reportsEveryProblemOfTheDocumentTogether() {
    ServiceAttribute notice =
        new ServiceAttribute(
            false, "NOTICE", Datatype.STRING, true, null, 1, "Call 911", List.of());
    CatalogJurisdiction bad =
        new CatalogJurisdiction(
            "example.gov",
            "Example City",
            "Nowhere/Atlantis",
            null,
            null,
            List.of(new CatalogGroup("Streets", null)),
            List.of(service("PHF", "Parks", notice), service("PHF", null)));

    assertEquals(4, document(bad).problems().size(), document(bad).problems()::toString);
  }

  // reading files

  @Test
  void readRefusesACatalogWithProblemsListingThemAll() {
    String twoProblems =
        SMALL_JSON
            .replace("\"America/Chicago\"", "\"Nowhere/Atlantis\"")
            .replace("\"group\": \"Streets\"", "\"group\": \"Parks\"");

    InvalidCatalogException e =
        assertThrows(InvalidCatalogException.class, () -> read(twoProblems, "catalog.json"));

    assertEquals(2, e.problems().size(), e.problems()::toString);
    assertTrue(e.getMessage().contains("Nowhere/Atlantis"));
    assertTrue(e.getMessage().contains("Parks"));
  }

  @Test
  void readRefusesInvalidJsonNamingTheFile() {
    InvalidCatalogException e =
        assertThrows(
            InvalidCatalogException.class,
            () -> read("{\"jurisdictions\": [ {\"name\": ", "broken-catalog.json"));

    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).contains("broken-catalog.json"), e.problems().get(0));
  }

  @Test
  void readRefusesInvalidYamlNamingTheFile() {
    InvalidCatalogException e =
        assertThrows(
            InvalidCatalogException.class,
            () -> read("jurisdictions: [ {name: x\n  - oops", "broken.yaml"));

    assertTrue(e.getMessage().contains("broken.yaml"), e.getMessage());
  }

  @Test
  void readRefusesAnUnknownServiceTypeNamingTheFile() {
    InvalidCatalogException e =
        assertThrows(
            InvalidCatalogException.class,
            () -> read(SMALL_JSON.replace("\"batch\"", "\"weekly\""), "typo.json"));

    assertTrue(e.getMessage().contains("typo.json"), e.getMessage());
  }

  @Test
  void readRefusesAnUnknownDatatypeNamingTheFile() {
    InvalidCatalogException e =
        assertThrows(
            InvalidCatalogException.class,
            () -> read(SMALL_JSON.replace("\"number\"", "\"integer\""), "typo.json"));

    assertTrue(e.getMessage().contains("typo.json"), e.getMessage());
  }

  @Test
  void readRefusesAnEmptyFileNamingIt() {
    InvalidCatalogException e =
        assertThrows(InvalidCatalogException.class, () -> read("", "empty.json"));

    assertTrue(e.getMessage().contains("empty.json"), e.getMessage());
  }

  @Test
  void readRefusesAYamlFileOfOnlyCommentsNamingIt() {
    InvalidCatalogException e =
        assertThrows(InvalidCatalogException.class, () -> read("# catalog to come\n", "todo.yaml"));

    assertTrue(e.getMessage().contains("todo.yaml"), e.getMessage());
  }
  @ParameterizedTest
  @ValueSource(strings = {"null.json:null", "empty.yaml:---", "tilde.yaml:~"})
  void readRefusesADocumentThatIsNullNamingTheFile(String nameAndContent) {
    String name = nameAndContent.substring(0, nameAndContent.indexOf(':'));
    String content = nameAndContent.substring(nameAndContent.indexOf(':') + 1) + "\n";

    InvalidCatalogException e =
        assertThrows(InvalidCatalogException.class, () -> read(content, name));

    assertTrue(e.getMessage().contains(name), e.getMessage());
  }

  // helpers

  private static CatalogDocument readDemo() throws IOException {
    assertTrue(Files.isRegularFile(DEMO), "demo catalog not found at " + DEMO.toAbsolutePath());
    try (InputStream in = Files.newInputStream(DEMO)) {
      return CatalogFiles.read(in, DEMO.getFileName().toString());
    }
  }

  private static CatalogDocument read(String content, String fileName) throws IOException {
    return CatalogFiles.read(
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), fileName);
  }

  private static List<CatalogService> services(CatalogDocument document) {
    return document.jurisdictions().stream().flatMap(j -> j.services().stream()).toList();
  }

  private static List<ServiceAttribute> attributes(CatalogDocument document) {
    return services(document).stream().flatMap(s -> s.attributes().stream()).toList();
  }

  private static void assertOneProblem(List<String> problems, String where, String what) {
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).contains(where), () -> "does not name " + where + ": " + problems);
    assertTrue(problems.get(0).contains(what), () -> "does not say " + what + ": " + problems);
  }

  private static CatalogDocument document(CatalogJurisdiction... jurisdictions) {
    return new CatalogDocument(List.of(jurisdictions));
  }

  private static CatalogJurisdiction jurisdiction(CatalogService... services) {
    return new CatalogJurisdiction(
        "example.gov",
        "Example City",
        "America/Chicago",
        "311@example.gov",
        null,
        List.of(new CatalogGroup("Streets", "Roads and sidewalks")),
        List.of(services));
  }

  private static CatalogService service(String code, String group, ServiceAttribute... attributes) {
    return new CatalogService(
        code, "Service " + code, null, null, null, group, null, null, null, List.of(attributes));
  }

  private static ServiceAttribute number(String code, int order) {
    return new ServiceAttribute(
        true, code, Datatype.NUMBER, false, null, order, "How much?", List.of());
  }
}
