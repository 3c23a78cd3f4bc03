package dev.open311.spec.port;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Named areas of any type (ward, community_area, police_district ...): polygons loaded from
 * GeoJSON, and the tags saying which areas contain each request's location. Requests are tagged
 * when filed; loading a type re-tags every request that has coordinates.
 */
public interface Areas {

  /**
   * Replaces every area of one type with the polygons of a GeoJSON FeatureCollection and re-tags
   * every request with coordinates for that type, in one transaction: readers see the old set or
   * the new one, never a mix. Other types are untouched.
   *
   * @throws InvalidAreasException naming every problem of the file; then nothing changes
   */
  LoadReport load(AreaFile file, InputStream geoJson, RetagProgress progress) throws IOException;

  /** Every type that has areas or tags, by type name. */
  List<AreaTypeSummary> list();

  /**
   * The types the {@code area_type} filter takes, sorted: every type with areas loaded, and the
   * types an import tags requests with from its own columns (the Chicago data portal's ward,
   * community area and police district), whether or not their boundaries are loaded.
   */
  List<String> filterTypes();

  /**
   * Deletes the areas of a type and every tag of that type, in one transaction.
   *
   * @return false when the type had neither areas nor tags
   */
  boolean delete(String areaType);

  /**
   * Re-tags every request that has coordinates from the boundaries stored, in one transaction; safe
   * to rerun. Tags of requests without coordinates (e.g. imported with a ward) are kept.
   *
   * @param areaType one type, or null for every loaded type
   * @throws IllegalArgumentException when that type has no areas
   */
  RetagReport retag(String areaType, RetagProgress progress);

  /**
   * How to read a GeoJSON file of areas.
   *
   * @param areaType the type the areas replace, e.g. {@code ward}
   * @param keyProperty the feature property that holds each area's key, e.g. {@code ward}
   * @param nameProperty the feature property that holds its name, or null
   * @param fixInvalid repair invalid polygons (self-intersections ...) instead of refusing them
   */
  record AreaFile(String areaType, String keyProperty, String nameProperty, boolean fixInvalid) {

    /** Lower case letters, digits and underscores: the names the area_type filter takes. */
    public static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public AreaFile {
      checkType(areaType);
      if (keyProperty == null || keyProperty.isBlank()) {
        throw new IllegalArgumentException("the key property must be named");
      }
      nameProperty = nameProperty == null || nameProperty.isBlank() ? null : nameProperty;
    }

    /**
     * @throws IllegalArgumentException unless the name is a valid area type
     */
    public static String checkType(String areaType) {
      if (areaType == null || !TYPE_NAME.matcher(areaType).matches()) {
        throw new IllegalArgumentException(
            "area type "
                + areaType
                + " is not valid: use lower case letters, digits and _ (e.g. ward)");
      }
      return areaType;
    }
  }

  /**
   * What a load did.
   *
   * @param areas areas of the type now
   * @param fixed invalid polygons repaired (only when asked to fix them)
   */
  record LoadReport(String areaType, int areas, int fixed, RetagReport retag) {}

  /**
   * What a re-tag did.
   *
   * @param requests requests with coordinates examined
   * @param tagged requests found in at least one area
   * @param changedTags tags added or removed: only differences are written
   * @param seconds how long it took
   */
  record RetagReport(long requests, long tagged, long changedTags, double seconds) {

    public double requestsPerSecond() {
      return seconds <= 0 ? requests : requests / seconds;
    }
  }

  /**
   * One type as listed.
   *
   * @param loadedAt when its areas were loaded; null for tags without areas (e.g. imported)
   * @param taggedRequests requests tagged with an area of this type
   */
  record AreaTypeSummary(
      String areaType, int areas, OffsetDateTime loadedAt, long taggedRequests) {}

  /** Told as a re-tag goes on, a few times a second at most. */
  @FunctionalInterface
  interface RetagProgress {

    RetagProgress NONE = (requests, fraction) -> {};

    /**
     * @param requests requests re-tagged so far
     * @param fraction the share of the work done, from 0 to 1
     */
    void update(long requests, double fraction);
  }

  /** A GeoJSON file that cannot be loaded, with every reason. */
  final class InvalidAreasException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public InvalidAreasException(List<String> problems) {
      super(String.join("\n", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
