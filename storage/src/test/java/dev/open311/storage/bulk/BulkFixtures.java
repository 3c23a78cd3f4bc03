package dev.open311.storage.bulk;

import dev.open311.spec.catalog.CatalogDocument;
import dev.open311.spec.catalog.CatalogGroup;
import dev.open311.spec.catalog.CatalogJurisdiction;
import dev.open311.spec.catalog.CatalogService;
import dev.open311.spec.model.ServiceType;
import dev.open311.storage.Storage;
import dev.open311.storage.TestDatabases;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small Chicago catalog, the sample export, and counting helpers for the bulk tests. */
final class BulkFixtures {

  static final String CHICAGO = "cityofchicago.org";

  /** The sample's bad rows: every 20th from row 7, on the lines of the file they start on. */
  static final List<Long> BAD_LINES = List.of(8L, 28L, 48L, 69L, 89L, 109L, 129L, 149L, 169L, 189L);

  static final int SAMPLE_ROWS = 200;

  private BulkFixtures() {}

  /** Nine of the sample's eleven codes: SCP and AVN are left for the import to create. */
  static void loadCatalog(Storage storage) {
    List<CatalogService> services = new ArrayList<>();
    for (String[] s :
        new String[][] {
          {"SFD", "Street Light Out Complaint", "7"}, {"PHF", "Pothole in Street Complaint", "7"},
          {"SGA", "Rodent Baiting/Rat Complaint", "10"}, {"GRAF", "Graffiti Removal Request", "7"},
          {"SIE", "Garbage Cart Maintenance", "14"}, {"SCB", "Sanitation Code Violation", "14"},
          {"SKA", "Abandoned Vehicle Complaint", "30"}, {"SEL", "Tree Debris Clean-Up Request", "7"},
          {"AAE", "Water On Street Complaint", "3"}
        }) {
      services.add(
          new CatalogService(s[0], s[1], "About " + s[1], ServiceType.REALTIME, null, "City",
              "Catalog agency of " + s[0], null, Integer.parseInt(s[2]), List.of()));
    }
    storage
        .catalog()
        .load(
            new CatalogDocument(
                List.of(
                    new CatalogJurisdiction(CHICAGO, "Chicago", "America/Chicago", null, null,
                        List.of(new CatalogGroup("City", null)), services))));
  }

  static Path sample() {
    try {
      return Path.of(BulkFixtures.class.getResource("/bulk/chicago-311-sample.csv").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static long count(Storage storage, String sql) {
    return TestDatabases.jdbi(storage)
        .withHandle(h -> h.createQuery(sql).mapTo(long.class).one());
  }

  /** The records of a CSV file (header first), parsed by the import's own reader. */
  static List<List<String>> records(Path file) throws IOException {
    List<List<String>> all = new ArrayList<>();
    try (var in = java.nio.file.Files.newInputStream(file)) {
      CsvRecords csv = new CsvRecords(in, 0, 1);
      List<String> record;
      while ((record = csv.next()) != null) {
        all.add(List.copyOf(record));
      }
    }
    return all;
  }

  /** Collects bad rows, progress calls and the indexes built, with the thread telling each. */
  static final class Recorder implements ChicagoCsvImport.Listener {
    final List<Long> badLines = new ArrayList<>();
    final List<String> reasons = new ArrayList<>();
    final List<String> indexesBuilt = new ArrayList<>();
    final List<Thread> callers = new ArrayList<>();
    int progressCalls;
    int indexesAnnounced;

    @Override
    public void buildingIndexes(int count) {
      indexesAnnounced = count;
      callers.add(Thread.currentThread());
    }

    @Override
    public void indexBuilt(String name, int built, int count) {
      indexesBuilt.add(name + " " + built + "/" + count);
      callers.add(Thread.currentThread());
    }

    @Override
    public void badRow(long line, String reason) {
      badLines.add(line);
      reasons.add(reason);
    }

    @Override
    public void progress(long rows, long bytesRead, long bytesTotal) {
      progressCalls++;
    }
  }
}
