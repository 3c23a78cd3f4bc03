package dev.open311.storage.bulk;

import static dev.open311.storage.bulk.BulkFixtures.BAD_LINES;
import static dev.open311.storage.bulk.BulkFixtures.CHICAGO;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.open311.spec.export.ExportFilter;
import dev.open311.spec.export.ExportFormat;
import dev.open311.spec.export.ExportWriter;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import the sample export, export CSV, and compare every field with the input after the
 * documented mapping. The expected values are derived here, independently of the import's code.
 */
@ExtendWith(SharedStorage.class)
class RoundTripIT {

  private static final ZoneId CHICAGO_ZONE = ZoneId.of("America/Chicago");
  private static final DateTimeFormatter PORTAL_CSV =
      DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.ROOT);

  private final Storage storage;
  @TempDir Path tempDir;

  RoundTripIT(Storage storage) {
    this.storage = storage;
  }

  @Test
  void exportedCsvEqualsTheImportedCsvFieldByField() throws IOException {
    BulkFixtures.loadCatalog(storage);
    storage.bulk().chicagoImport().run(BulkFixtures.sample(), CHICAGO,
        ChicagoCsvImport.Options.DEFAULT, new BulkFixtures.Recorder());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ExportWriter writer = ExportFormat.CSV.writer(bytes)) {
      storage.bulk().feed().stream(ExportFilter.all(CHICAGO), writer);
    }
    Path exported = Files.write(tempDir.resolve("export.csv"), bytes.toByteArray());

    List<List<String>> input = BulkFixtures.records(BulkFixtures.sample());
    List<List<String>> output = BulkFixtures.records(exported);
    assertEquals(ExportWriter.FIELDS, output.get(0));
    Map<String, List<String>> byId = new HashMap<>();
    output.subList(1, output.size()).forEach(row -> byId.put(row.get(0), row));
    assertEquals(input.size() - 1 - BAD_LINES.size(), byId.size());

    List<String> header = input.get(0);
    int compared = 0;
    for (List<String> row : input.subList(1, input.size())) {
      Map<String, String> in = new HashMap<>();
      for (int i = 0; i < header.size() && i < row.size(); i++) {
        in.put(header.get(i), row.get(i));
      }
      List<String> out = byId.get(in.get("SR_NUMBER"));
      if (out == null) {
        continue; // a bad row
      }
      compare(in, out);
      compared++;
    }
    assertEquals(byId.size(), compared);
  }

  private static void compare(Map<String, String> in, List<String> out) {
    String id = in.get("SR_NUMBER");
    Map<String, String> expected = new HashMap<>();
    String status = in.get("STATUS");
    expected.put("service_request_id", id);
    expected.put("status", status.equals("Open") ? "open" : "closed");
    expected.put("status_notes", status.equals("Open") || status.equals("Completed") ? "" : status);
    expected.put("service_name", in.get("SR_TYPE"));
    expected.put("service_code", in.get("SR_SHORT_CODE"));
    expected.put("description", "");
    expected.put("agency_responsible", in.get("OWNER_DEPARTMENT"));
    expected.put("service_notice", "");
    expected.put("expected_datetime", "");
    expected.put("address", in.get("STREET_ADDRESS") + ", CHICAGO, IL, " + in.get("ZIP_CODE"));
    expected.put("address_id", "");
    expected.put("zipcode", in.get("ZIP_CODE"));
    expected.put("media_url", "");
    expected.put("channel", in.get("ORIGIN"));
    expected.put("duplicate", in.get("DUPLICATE"));
    expected.put("parent_service_request_id", in.get("PARENT_SR_NUMBER"));
    expected.put("ward", in.get("WARD"));
    expected.put("community_area", in.get("COMMUNITY_AREA"));
    expected.put("police_district", in.get("POLICE_DISTRICT"));
    for (int i = 0; i < ExportWriter.FIELDS.size(); i++) {
      String field = ExportWriter.FIELDS.get(i);
      if (expected.containsKey(field)) {
        assertEquals(expected.get(field), out.get(i), id + " " + field);
      }
    }
    sameInstant(in.get("CREATED_DATE"), out.get(8), id + " requested_datetime");
    sameInstant(in.get("LAST_MODIFIED_DATE"), out.get(9), id + " updated_datetime");
    sameInstant(in.get("CLOSED_DATE"), out.get(20), id + " closed_datetime");
    sameNumber(in.get("LATITUDE"), out.get(14), id + " lat");
    sameNumber(in.get("LONGITUDE"), out.get(15), id + " long");
  }

  /** The portal's floating Chicago time equals the W3C datetime read in Chicago's zone. */
  private static void sameInstant(String portal, String w3c, String what) {
    if (portal.isEmpty()) {
      assertEquals("", w3c, what);
      return;
    }
    LocalDateTime local =
        portal.contains("/")
            ? LocalDateTime.parse(portal, PORTAL_CSV)
            : LocalDateTime.parse(portal.substring(0, 19));
    OffsetDateTime exported = OffsetDateTime.parse(w3c);
    assertEquals(local, exported.atZoneSameInstant(CHICAGO_ZONE).toLocalDateTime(), what);
    assertEquals(CHICAGO_ZONE.getRules().getOffset(exported.toInstant()), exported.getOffset(),
        what + " is given at Chicago's offset");
  }

  private static void sameNumber(String in, String out, String what) {
    if (in.isEmpty()) {
      assertEquals("", out, what);
    } else {
      assertEquals(Double.parseDouble(in), Double.parseDouble(out), 0.0, what);
    }
  }
}
