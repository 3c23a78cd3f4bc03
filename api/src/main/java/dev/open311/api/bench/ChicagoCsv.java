package dev.open311.api.bench;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic rows in the column layout of Chicago's "311 Service Requests" data-portal export
 * (../shared/data/chicago_311_dataset_columns.csv), for the import benchmark. The same seed gives
 * the same file. Dates are the portal's floating local times ({@code MM/dd/yyyy hh:mm:ss a}).
 */
public final class ChicagoCsv {

  static final String HEADER =
      "SR_NUMBER,SR_TYPE,SR_SHORT_CODE,CREATED_DEPARTMENT,OWNER_DEPARTMENT,STATUS,ORIGIN,"
          + "CREATED_DATE,LAST_MODIFIED_DATE,CLOSED_DATE,STREET_ADDRESS,CITY,STATE,ZIP_CODE,"
          + "STREET_NUMBER,STREET_DIRECTION,STREET_NAME,STREET_TYPE,DUPLICATE,LEGACY_RECORD,"
          + "LEGACY_SR_NUMBER,PARENT_SR_NUMBER,COMMUNITY_AREA,WARD,ELECTRICAL_DISTRICT,"
          + "ELECTRICITY_GRID,POLICE_SECTOR,POLICE_DISTRICT,POLICE_BEAT,PRECINCT,"
          + "SANITATION_DIVISION_DAYS,CREATED_HOUR,CREATED_DAY_OF_WEEK,CREATED_MONTH,"
          + "X_COORDINATE,Y_COORDINATE,LATITUDE,LONGITUDE,LOCATION";

  private static final String[][] TYPES = {
    {"PHF", "Pothole in Street Complaint", "CDOT - Department of Transportation"},
    {"SGA", "Rodent Baiting/Rat Complaint", "Streets and Sanitation"},
    {"SFD", "Street Light Out Complaint", "CDOT - Department of Transportation"},
    {"GRAF", "Graffiti Removal Request", "Streets and Sanitation"},
    {"SCB", "Sanitation Code Violation", "Streets and Sanitation"},
    {"SDR", "Fly Dumping Complaint", "Streets and Sanitation"},
    {"SKA", "Abandoned Vehicle Complaint", "Streets and Sanitation"},
    {"SEF", "Tree Trim Request", "Streets and Sanitation"},
    {"WBJ", "No Water Complaint", "Water Management"},
    {"BBK", "Vacant/Abandoned Building Complaint", "Buildings"},
  };
  private static final String[] ORIGINS = {
    "Phone Call", "Internet", "Mobile Device", "Mass Entry", "Alderman's Office"
  };
  private static final String[][] STREETS = {
    {"N", "CLARK", "ST"}, {"W", "MADISON", "ST"}, {"S", "HALSTED", "ST"},
    {"N", "MILWAUKEE", "AVE"}, {"S", "WESTERN", "AVE"}, {"W", "NORTH", "AVE"},
  };
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  private static final DateTimeFormatter PORTAL =
      DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
  private static final long START = Instant.parse("2019-01-01T06:00:00Z").getEpochSecond();

  private ChicagoCsv() {}

  /** Writes the header and {@code rows} rows. */
  public static void write(Writer out, long rows) throws IOException {
    SplittableRandom random = new SplittableRandom(311);
    out.write(HEADER);
    out.write('\n');
    for (long i = 1; i <= rows; i++) {
      out.write(row(random, i));
      out.write('\n');
    }
    out.flush();
  }

  private static String row(SplittableRandom random, long i) {
    String[] type = TYPES[random.nextInt(TYPES.length)];
    String[] street = STREETS[random.nextInt(STREETS.length)];
    LocalDateTime created = local(START + i * 30 + random.nextInt(30));
    boolean closed = random.nextDouble() < 0.9;
    LocalDateTime closedAt = created.plusSeconds(3600 + random.nextInt(20 * 86400));
    boolean duplicate = i > 1 && random.nextDouble() < 0.03;
    int number = 100 + random.nextInt(9900);
    double lat = 41.70 + random.nextDouble() * 0.28;
    double lon = -87.80 + random.nextDouble() * 0.20;
    String created2 = created.format(PORTAL);
    String closed2 = closed ? closedAt.format(PORTAL) : "";
    return String.join(
        ",",
        srNumber(created, i),
        type[1],
        type[0],
        "",
        type[2],
        closed ? "Completed" : "Open",
        quote(ORIGINS[random.nextInt(ORIGINS.length)]),
        created2,
        closed ? closed2 : created2,
        closed2,
        number + " " + street[0] + " " + street[1] + " " + street[2],
        "CHICAGO",
        "IL",
        String.format(Locale.ROOT, "606%02d", 1 + random.nextInt(60)),
        Integer.toString(number),
        street[0],
        street[1],
        street[2],
        Boolean.toString(duplicate),
        "false",
        "",
        duplicate ? srNumber(created, i - 1) : "",
        Integer.toString(1 + random.nextInt(77)),
        Integer.toString(1 + random.nextInt(50)),
        "",
        "",
        "",
        Integer.toString(1 + random.nextInt(25)),
        Integer.toString(100 + random.nextInt(2500)),
        "",
        "",
        Integer.toString(created.getHour()),
        Integer.toString(created.getDayOfWeek().getValue() % 7 + 1),
        Integer.toString(created.getMonthValue()),
        "",
        "",
        String.format(Locale.ROOT, "%.9f", lat),
        String.format(Locale.ROOT, "%.9f", lon),
        String.format(Locale.ROOT, "\"(%.9f, %.9f)\"", lat, lon));
  }

  private static LocalDateTime local(long epochSecond) {
    return LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), CHICAGO);
  }

  private static String srNumber(LocalDateTime created, long i) {
    return String.format(Locale.ROOT, "SR%02d-%08d", created.getYear() % 100, i);
  }

  private static String quote(String value) {
    return value.indexOf(',') < 0 && value.indexOf('"') < 0
        ? value
        : '"' + value.replace("\"", "\"\"") + '"';
  }
}
