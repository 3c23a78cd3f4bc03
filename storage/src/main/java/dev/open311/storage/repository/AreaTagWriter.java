package dev.open311.storage.repository;

import dev.open311.storage.db.CopyText;
import dev.open311.storage.geo.AreaIndex;
import dev.open311.storage.geo.AreaLocator.AreaRef;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Writes the area tags of a batch of requests as a difference: the tags they should have, from the
 * in-memory index, against the tags they have; only the changes are written, new tags with COPY.
 * Reloading the same boundaries, or polygons that agree with an import's wards, writes next to
 * nothing. Runs inside the caller's transaction.
 */
final class AreaTagWriter {

  private record Tag(long requestId, String areaType, String areaKey) {}

  private final Handle handle;
  private final AreaIndex index;
  private final String[] types;
  private long requests;
  private long tagged;
  private long changed;

  /**
   * @param index the areas of {@code types} only, as they are once the transaction commits
   */
  AreaTagWriter(Handle handle, AreaIndex index, String[] types) {
    this.handle = handle;
    this.index = index;
    this.types = types;
  }

  /**
   * @param ids the requests, ascending, with their coordinates in the same positions
   * @param compare false when the types have no tags yet: nothing to read or delete then
   */
  void write(long[] ids, double[] longitudes, double[] latitudes, int size, boolean compare) {
    List<Tag> wanted = new ArrayList<>(size + size / 4);
    for (int i = 0; i < size; i++) {
      List<AreaRef> found = index.locate(latitudes[i], longitudes[i]);
      for (AreaRef area : found) {
        wanted.add(new Tag(ids[i], area.areaType(), area.areaKey()));
      }
      tagged += found.isEmpty() ? 0 : 1;
    }
    requests += size;
    if (!compare) {
      copy(wanted);
      changed += wanted.size();
      return;
    }
    Set<Tag> gone = existing(ids, size);
    List<Tag> added = wanted.stream().filter(tag -> !gone.remove(tag)).toList();
    delete(gone);
    copy(added);
    changed += gone.size() + added.size();
  }

  long requests() {
    return requests;
  }

  long tagged() {
    return tagged;
  }

  long changed() {
    return changed;
  }

  /** The tags of these types the requests have now; a range scan of the primary key. */
  private Set<Tag> existing(long[] ids, int size) {
    Set<Tag> existing = new HashSet<>();
    if (size == 0) {
      return existing;
    }
    handle
        .createQuery(
            """
            select request_id, area_type, area_key from service_request_area
             where request_id between :first and :last and area_type = any(:types)
            """)
        .bind("first", ids[0])
        .bind("last", ids[size - 1])
        .bind("types", types)
        .map((rs, ctx) -> new Tag(rs.getLong(1), rs.getString(2), rs.getString(3)))
        // The range also holds requests without coordinates: their tags are not ours to judge.
        .forEach(
            tag -> {
              if (Arrays.binarySearch(ids, 0, size, tag.requestId()) >= 0) {
                existing.add(tag);
              }
            });
    return existing;
  }

  private void delete(Set<Tag> gone) {
    if (gone.isEmpty()) {
      return;
    }
    handle
        .createUpdate(
            """
            delete from service_request_area a
             using unnest(:ids, :types, :keys) as gone (request_id, area_type, area_key)
             where a.request_id = gone.request_id and a.area_type = gone.area_type
               and a.area_key = gone.area_key
            """)
        .bind("ids", gone.stream().mapToLong(Tag::requestId).toArray())
        .bind("types", gone.stream().map(Tag::areaType).toArray(String[]::new))
        .bind("keys", gone.stream().map(Tag::areaKey).toArray(String[]::new))
        .execute();
  }

  private void copy(List<Tag> tags) {
    if (tags.isEmpty()) {
      return;
    }
    CopyText rows = new CopyText();
    for (Tag tag : tags) {
      rows.number(tag.requestId()).text(tag.areaType()).text(tag.areaKey()).endRow();
    }
    try {
      rows.copy(
          handle.getConnection().unwrap(PGConnection.class).getCopyAPI(),
          "copy service_request_area (request_id, area_type, area_key) from stdin");
    } catch (SQLException e) {
      throw new IllegalStateException("writing area tags failed: " + e.getMessage(), e);
    }
  }
}
