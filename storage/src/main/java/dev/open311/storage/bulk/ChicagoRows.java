package dev.open311.storage.bulk;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Chicago data portal's "311 Service Requests" export (dataset v6vf-nfxy) row by row. Columns
 * are found by their header names, so their order does not matter and unused ones are ignored.
 * The mapping (README, "Bulk data"): SR_NUMBER is the public id; SR_SHORT_CODE and SR_TYPE the
 * service; STATUS {@code Open...} is open, Completed, Closed and Canceled are closed, and any value
 * other than plain Open or Completed is kept in status_notes; dates are local times in the
 * jurisdiction's zone; the address is {@code STREET_ADDRESS, CHICAGO, IL, ZIP_CODE}.
 *
 * <p>For one thread: it keeps the values seen of the columns that repeat (see {@link #shared}).
 */
final class ChicagoRows {

  static final List<String> REQUIRED =
      List.of("SR_NUMBER", "SR_TYPE", "SR_SHORT_CODE", "STATUS", "CREATED_DATE");

  // Enough for Chicago's services, departments, zip codes and areas, a few hundred in all.
  private static final int MAX_SHARED = 10_000;

  private final int columns;
  private final List<String> names;
  private final ZoneId zone;
  private final int number, type, shortCode, owner, status, origin, created, modified, closed;
  private final int street, zip, duplicate, parent, communityArea, ward, policeDistrict;
  private final int latitude, longitude;
  private final Map<String, String> repeated = new HashMap<>();

  /** @throws IllegalArgumentException naming the required columns the header lacks */
  ChicagoRows(List<String> header, ZoneId zone) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      // A UTF-8 byte order mark may precede the first name.
      index.put(header.get(i).replace("\uFEFF", "").trim().toUpperCase(Locale.ROOT), i);
    }
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED) {
      if (!index.containsKey(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "not a Chicago 311 export: the header lacks " + String.join(", ", missing));
    }
    this.columns = header.size();
    this.names = header.stream().map(name -> name.replace("\uFEFF", "").trim()).toList();
    this.zone = zone;
    number = index.get("SR_NUMBER");
    type = index.get("SR_TYPE");
    shortCode = index.get("SR_SHORT_CODE");
    status = index.get("STATUS");
    created = index.get("CREATED_DATE");
    owner = index.getOrDefault("OWNER_DEPARTMENT", -1);
    origin = index.getOrDefault("ORIGIN", -1);
    modified = index.getOrDefault("LAST_MODIFIED_DATE", -1);
    closed = index.getOrDefault("CLOSED_DATE", -1);
    street = index.getOrDefault("STREET_ADDRESS", -1);
    zip = index.getOrDefault("ZIP_CODE", -1);
    duplicate = index.getOrDefault("DUPLICATE", -1);
    parent = index.getOrDefault("PARENT_SR_NUMBER", -1);
    communityArea = index.getOrDefault("COMMUNITY_AREA", -1);
    ward = index.getOrDefault("WARD", -1);
    policeDistrict = index.getOrDefault("POLICE_DISTRICT", -1);
    latitude = index.getOrDefault("LATITUDE", -1);
    longitude = index.getOrDefault("LONGITUDE", -1);
  }

  ImportRow map(long line, List<String> f) throws BadRowException {
    if (f.size() != columns) {
      throw new BadRowException(
          "has " + f.size() + " columns, the header has " + columns);
    }
    String id = text(f, number);
    if (id == null) {
      throw new BadRowException("SR_NUMBER is empty");
    }
    String code = shared(text(f, shortCode));
    if (code == null) {
      throw new BadRowException("SR_SHORT_CODE is empty");
    }
    String rawStatus = text(f, status);
    String mapped = status(rawStatus);
    OffsetDateTime requestedAt = PortalDates.parse(f.get(created).trim(), zone, "CREATED_DATE");
    if (requestedAt == null) {
      throw new BadRowException("CREATED_DATE is empty");
    }
    OffsetDateTime updatedAt = date(f, modified, "LAST_MODIFIED_DATE");
    Double lat = coordinate(f, latitude, "LATITUDE", 90);
    Double lon = coordinate(f, longitude, "LONGITUDE", 180);
    if ((lat == null) != (lon == null)) {
      throw new BadRowException("LATITUDE and LONGITUDE must be given together");
    }
    String zipcode = shared(text(f, zip));
    return new ImportRow(
        line,
        id,
        code,
        text(f, type) == null ? code : shared(text(f, type)),
        shared(text(f, owner)),
        mapped,
        rawStatus.equals("Open") || rawStatus.equals("Completed") ? null : rawStatus,
        requestedAt,
        updatedAt == null ? requestedAt : updatedAt,
        closedAt(f, updatedAt),
        address(text(f, street), zipcode),
        zipcode,
        lat,
        lon,
        shared(text(f, origin)),
        flag(text(f, duplicate)),
        text(f, parent),
        shared(areaKey(text(f, ward))),
        shared(areaKey(text(f, communityArea))),
        shared(areaKey(text(f, policeDistrict))));
  }

  /**
   * One String for each value of a column that repeats (service, department, origin, zip code,
   * areas): a batch's rows live until it is written, and the collector copies what they hold
   * each time it runs, which cost more than reading them.
   */
  private String shared(String value) {
    if (value == null) {
      return null;
    }
    String known = repeated.get(value);
    if (known != null) {
      return known;
    }
    if (repeated.size() < MAX_SHARED) {
      repeated.put(value, value);
    }
    return value;
  }

  private static String status(String raw) throws BadRowException {
    if (raw == null) {
      throw new BadRowException("STATUS is empty");
    }
    if (startsWith(raw, "open")) {
      return "open";
    }
    if (startsWith(raw, "completed") || startsWith(raw, "closed") || startsWith(raw, "cancel")) {
      return "closed";
    }
    throw new BadRowException("STATUS " + raw + " is neither Open, Completed, Closed nor Canceled");
  }

  /**
   * Whether {@code value.toLowerCase(Locale.ROOT)} starts with {@code lowerAscii}, without making
   * the lower-case copy. Comparing ASCII letters only gives the same answer for these prefixes:
   * the only other characters that lower-case to ASCII (U+0130 to i, U+212A to k) match none.
   */
  private static boolean startsWith(String value, String lowerAscii) {
    if (value.length() < lowerAscii.length()) {
      return false;
    }
    for (int i = 0; i < lowerAscii.length(); i++) {
      char c = value.charAt(i);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lowerAscii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private OffsetDateTime date(List<String> f, int column, String name) throws BadRowException {
    return column < 0 ? null : PortalDates.parse(f.get(column).trim(), zone, name);
  }

  /** CLOSED_DATE, often the same text as LAST_MODIFIED_DATE, whose value is then taken. */
  private OffsetDateTime closedAt(List<String> f, OffsetDateTime updatedAt)
      throws BadRowException {
    if (closed >= 0 && modified >= 0 && f.get(closed).trim().equals(f.get(modified).trim())) {
      return updatedAt;
    }
    return date(f, closed, "CLOSED_DATE");
  }

  private Double coordinate(List<String> f, int column, String name, double bound)
      throws BadRowException {
    String value = text(f, column);
    if (value == null) {
      return null;
    }
    double parsed;
    try {
      parsed = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new BadRowException(name + " is not a number: " + value);
    }
    if (!(parsed >= -bound && parsed <= bound)) {
      throw new BadRowException(name + " " + value + " is out of range");
    }
    return parsed;
  }

  private static boolean flag(String value) throws BadRowException {
    if (value == null) {
      return false;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1" -> true;
      case "false", "f", "no", "n", "0" -> false;
      default -> throw new BadRowException("DUPLICATE is not true or false: " + value);
    };
  }

  /** Ward 7 may come as {@code 7.0} from tools that round-tripped the file through floats. */
  private static String areaKey(String value) {
    return value != null && value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
  }

  static String address(String street, String zipcode) {
    if (street == null) {
      return null;
    }
    return street + ", CHICAGO, IL" + (zipcode == null ? "" : ", " + zipcode);
  }

  /**
   * The column's value, trimmed; null when empty or absent.
   *
   * @throws BadRowException when it holds U+0000, which PostgreSQL's text cannot: the batch's
   *     COPY would fail, and with it the import
   */
  private String text(List<String> f, int column) throws BadRowException {
    if (column < 0) {
      return null;
    }
    String value = f.get(column).trim();
    if (value.indexOf('\u0000') >= 0) {
      throw new BadRowException(
          names.get(column) + " holds the character U+0000, which cannot be stored");
    }
    return value.isEmpty() ? null : value;
  }
}
