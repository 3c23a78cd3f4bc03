package dev.open311.storage.bulk;

import com.sun.management.ThreadMXBean;
import dev.open311.storage.db.CopyText;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The Java CPU an import spends per row of a Chicago CSV, without PostgreSQL: the reading thread's
 * {@link CsvRecords} and {@link ChicagoRows#map}, then the {@link CopyText} calls {@link
 * CopyBatch#write} makes, sent to a sink that drops the bytes. Not a test: run by hand,
 *
 * <pre>
 * java -cp storage/target/classes:storage/target/test-classes:$(cat cp.txt) \
 *     dev.open311.storage.bulk.ImportCpuBench bench-data/chicago-1000000.csv [passes]
 * java ... ImportCpuBench FILE digest   # SHA-256 of everything written, to compare two versions
 * </pre>
 *
 * <p>Phases are told apart by difference: a pass that only parses, one that parses and maps, one
 * that does everything. Times are the thread's CPU time, which a busy machine disturbs less than
 * wall-clock time; the process's CPU time adds what the JIT compiler and the collector spent.
 */
final class ImportCpuBench {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final int BATCH = 50_000;

  private enum Phase {
    PARSE,
    MAP,
    COPY
  }

  private final Path file;
  private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private MessageDigest digest;
  private long rows;
  private long rejected;

  private ImportCpuBench(Path file) {
    this.file = file;
  }

  public static void main(String[] args) throws Exception {
    ImportCpuBench bench = new ImportCpuBench(Path.of(args[0]));
    if (args.length > 1 && args[1].equals("digest")) {
      bench.digest = MessageDigest.getInstance("SHA-256");
      bench.pass(Phase.COPY);
      System.out.printf(
          "rows %d rejected %d sha256 %s%n",
          bench.rows, bench.rejected, HexFormat.of().formatHex(bench.digest.digest()));
      return;
    }
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    bench.measure(Phase.COPY, "warm-up");
    for (int i = 0; i < passes; i++) {
      for (Phase phase : Phase.values()) {
        bench.measure(phase, phase.name().toLowerCase());
      }
    }
  }

  private void measure(Phase phase, String label) throws IOException, SQLException {
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    long process = os.getProcessCpuTime();
    long cpu = threads.getCurrentThreadCpuTime();
    long user = threads.getCurrentThreadUserTime();
    pass(phase);
    cpu = threads.getCurrentThreadCpuTime() - cpu;
    user = threads.getCurrentThreadUserTime() - user;
    process = os.getProcessCpuTime() - process;
    allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocated;
    System.out.printf(
        "%-8s rows %d  thread cpu %.3f us/row (user %.3f)  process cpu %.3f us/row"
            + "  allocated %d B/row%n",
        label, rows, cpu / 1e3 / rows, user / 1e3 / rows, process / 1e3 / rows, allocated / rows);
  }

  /** Reads the whole file as {@code ImportRun} does, up to {@code phase}. */
  private void pass(Phase phase) throws IOException, SQLException {
    rows = 0;
    rejected = 0;
    try (FileChannel channel = FileChannel.open(file);
        InputStream in = Channels.newInputStream(channel)) {
      CsvRecords records = new CsvRecords(in, 0, 1);
      ChicagoRows chicago = new ChicagoRows(records.next(), CHICAGO);
      Map<String, ImportRow> batch = new LinkedHashMap<>();
      Map<String, Long> serviceIds = new HashMap<>();
      List<String> fields;
      while ((fields = records.next()) != null) {
        rows++;
        if (digest != null) {
          // Where each record starts and ends, and what it holds, so a reader change shows.
          digest.update(
              (records.recordLine()
                      + " "
                      + records.line()
                      + " "
                      + records.offset()
                      + String.join("\u0001", fields))
                  .getBytes(StandardCharsets.UTF_8));
        }
        if (phase == Phase.PARSE || fields.size() == 1 && fields.get(0).isEmpty()) {
          continue;
        }
        try {
          ImportRow row = chicago.map(records.recordLine(), fields);
          batch.put(row.serviceRequestId(), row);
        } catch (BadRowException e) {
          rejected++;
          if (digest != null) {
            digest.update((records.recordLine() + e.getMessage()).getBytes(StandardCharsets.UTF_8));
          }
        }
        if (batch.size() >= BATCH) {
          write(batch, serviceIds, phase);
          batch = new LinkedHashMap<>();
        }
      }
      write(batch, serviceIds, phase);
    }
  }

  private void write(Map<String, ImportRow> batch, Map<String, Long> serviceIds, Phase phase)
      throws SQLException {
    List<ImportRow> batchRows = new ArrayList<>(batch.values());
    long[] ids = new long[batchRows.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = serviceIds.computeIfAbsent(batchRows.get(i).serviceCode(), c -> 1L + c.length());
    }
    if (phase == Phase.COPY) {
      copy(batchRows, ids);
    }
  }

  /** The calls of {@link CopyBatch#write}, with keys counted up instead of read from a sequence. */
  private void copy(List<ImportRow> rows, long[] serviceIds) throws SQLException {
    CopyText requests = new CopyText();
    CopyText notes = new CopyText();
    CopyText areas = new CopyText();
    for (int i = 0; i < rows.size(); i++) {
      ImportRow row = rows.get(i);
      long key = 1_000_000_000L + row.line();
      requests
          .number(key)
          .text(row.serviceRequestId())
          .text("cityofchicago.org")
          .number(serviceIds[i])
          .text(row.serviceCode())
          .text(row.status())
          .text(row.statusNotes())
          .text(row.agency())
          .instant(row.requestedAt())
          .instant(row.updatedAt())
          .instant(row.closedAt())
          .text(row.address())
          .text(row.zipcode())
          .number(row.latitude())
          .number(row.longitude())
          .point(row.longitude(), row.latitude())
          .text(row.channel())
          .flag(row.duplicate())
          .text(row.parentServiceRequestId())
          .endRow();
      notes
          .number(key)
          .text("opened")
          .text("open")
          .instant(row.requestedAt())
          .text("Request opened")
          .endRow();
      if (row.closedAt() != null) {
        notes
            .number(key)
            .text("closed")
            .text("closed")
            .instant(row.closedAt())
            .text("Request closed")
            .endRow();
      }
      area(areas, key, "ward", row.ward());
      area(areas, key, "community_area", row.communityArea());
      area(areas, key, "police_district", row.policeDistrict());
    }
    requests.copy(sink(), "requests");
    notes.copy(sink(), "notes");
    areas.copy(sink(), "areas");
  }

  private static void area(CopyText areas, long key, String type, String areaKey) {
    if (areaKey != null) {
      areas.number(key).text(type).text(areaKey).endRow();
    }
  }

  /** A CopyManager whose COPY drops the bytes, or adds them to the digest. */
  private CopyManager sink() throws SQLException {
    BaseConnection connection =
        (BaseConnection)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {BaseConnection.class},
                (proxy, method, args) -> null);
    return new CopyManager(connection) {
      @Override
      public CopyIn copyIn(String sql) {
        if (digest != null) {
          digest.update(sql.getBytes(StandardCharsets.UTF_8));
        }
        return (CopyIn)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {CopyIn.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("writeToCopy") && digest != null) {
                    digest.update((byte[]) args[0], (int) args[1], (int) args[2]);
                  }
                  Class<?> type = method.getReturnType();
                  return type == boolean.class ? false : type == long.class ? 0L : null;
                });
      }
    };
  }
}
