package dev.open311.spec.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.open311.spec.model.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportWritersTest {

  private static final OffsetDateTime REQUESTED = OffsetDateTime.parse("2019-01-01T00:00:35-06:00");
  private static final String LONG_ASCII = "a,\"b\"".repeat(30_000);
  private static final String LONG_UNICODE = "Straße, \"Nº 5\" 🚧".repeat(10_000);

  private static ExportedRequest request(String id, String description, String address) {
    return new ExportedRequest(id, Status.OPEN, null, "Pothole in Street Complaint", "PHF",
        description, "CDOT", "", REQUESTED, REQUESTED, null, address, null, "60628", 41.964316253,
        -87.696850847, null, "Phone Call", false, null, null, "16", null, "22");
  }

  private static String write(ExportFormat format, List<ExportedRequest> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExportWriter writer = format.writer(out)) {
      for (ExportedRequest row : rows) {
        writer.accept(row);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** RFC 4180 as a reader would apply it, to check what the writer wrote. */
  private static List<List<String>> parseCsv(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && text.charAt(i + 1) == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        records.add(fields);
        fields = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    return records;
  }

  @Test
  void csvQuotesOnlyWhatMustBeQuotedAndKeepsEveryCharacter() throws IOException {
    List<ExportedRequest> rows =
        List.of(
            request("1", "plain", "5658 W MADISON ST, CHICAGO, IL"),
            request("2", "say \"hi\"\r\nnext line", "Straße 5"),
            request("3", LONG_ASCII, LONG_UNICODE),
            request("4", "", null));
    String csv = write(ExportFormat.CSV, rows);

    List<List<String>> records = parseCsv(csv);
    assertEquals(ExportWriter.FIELDS, records.get(0));
    assertEquals(rows.size() + 1, records.size());
    for (int i = 0; i < rows.size(); i++) {
      List<String> record = records.get(i + 1);
      assertEquals(ExportWriter.FIELDS.size(), record.size());
      assertEquals(rows.get(i).serviceRequestId(), record.get(0));
      assertEquals(rows.get(i).description(), record.get(5));
      assertEquals(rows.get(i).address() == null ? "" : rows.get(i).address(), record.get(11));
    }
    assertEquals(
        "1,open,,Pothole in Street Complaint,PHF,plain,CDOT,,2019-01-01T00:00:35-06:00,"
            + "2019-01-01T00:00:35-06:00,,\"5658 W MADISON ST, CHICAGO, IL\",,60628,41.964316253,"
            + "-87.696850847,,Phone Call,false,,,16,,22\r\n",
        csv.lines().skip(1).findFirst().orElseThrow() + "\r\n");
  }

  @Test
  void csvOfNothingIsItsHeader() throws IOException {
    assertEquals(String.join(",", ExportWriter.FIELDS) + "\r\n", write(ExportFormat.CSV, List.of()));
  }

  @Test
  void ndjsonOfNothingIsEmptyAndEveryLineEnds() throws IOException {
    assertEquals("", write(ExportFormat.NDJSON, List.of()), "no rows, no lines: not one empty line");
    String one = write(ExportFormat.NDJSON, List.of(request("1", "x", "y")));
    assertTrue(one.endsWith("}\n") && one.indexOf('\n') == one.length() - 1, one);
  }

  @Test
  void ndjsonHasOneObjectPerLineWithEveryFieldInOrder() throws IOException {
    List<ExportedRequest> rows =
        List.of(request("1", "say \"hi\"\nnext", "Straße 5"), request("2", LONG_UNICODE, null));
    String ndjson = write(ExportFormat.NDJSON, rows);

    List<String> lines = ndjson.lines().toList();
    assertEquals(rows.size(), lines.size());
    ObjectMapper mapper = new ObjectMapper();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode object = mapper.readTree(lines.get(i));
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      assertEquals(ExportWriter.FIELDS, names);
      assertEquals(rows.get(i).description(), object.get("description").asText());
      assertEquals(41.964316253, object.get("lat").asDouble());
      assertEquals("2019-01-01T00:00:35-06:00", object.get("requested_datetime").asText());
      assertEquals(false, object.get("duplicate").asBoolean());
    }
    assertEquals("Straße 5", mapper.readTree(lines.get(0)).get("address").asText());
    assertEquals(true, mapper.readTree(lines.get(1)).get("address").isNull());
  }

  @Test
  void geoJsonIsOneFeatureCollection() throws IOException {
    String geoJson = write(ExportFormat.GEOJSON, List.of(request("1", "x", "y")));

    JsonNode collection = new ObjectMapper().readTree(geoJson);
    assertEquals("FeatureCollection", collection.get("type").asText());
    JsonNode feature = collection.get("features").get(0);
    assertEquals("1", feature.get("id").asText());
    assertEquals(-87.696850847, feature.get("geometry").get("coordinates").get(0).asDouble());
    assertEquals("PHF", feature.get("properties").get("service_code").asText());
  }
}
