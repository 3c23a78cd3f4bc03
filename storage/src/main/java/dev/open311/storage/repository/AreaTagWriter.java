package dev.open311.storage.repository;

import dev.open311.storage.dao.AreaDao;
import dev.open311.storage.geo.AreaIndex;
import dev.open311.storage.geo.AreaLocator.AreaRef;
import dev.open311.storage.geo.AreaTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Writes the area tags of some types for a batch of requests as a difference: the tags they
 * should have, from the in-memory index, against the tags they have ({@code service_request.areas});
 * only requests whose tags change are written, and tags of other types are kept. Reloading the
 * same boundaries, or polygons that agree with an import's wards, writes next to nothing. Runs
 * inside the caller's transaction, which it marks as a re-tag: the requests' harvest position
 * ({@code change_xid}) does not move (V12).
 */
final class AreaTagWriter {

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
    handle.attach(AreaDao.class).markRetag();
  }

  /**
   * @param ids the requests, with their coordinates and current tags (null for none) in the same
   *     positions
   */
  void write(long[] ids, double[] longitudes, double[] latitudes, String[][] areas, int size) {
    List<Long> changedIds = new ArrayList<>();
    List<String> changedTags = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Set<String> now = new TreeSet<>();
      Set<String> kept = new TreeSet<>();
      if (areas[i] != null) {
        for (String tag : areas[i]) {
          now.add(tag);
          if (!ofOurTypes(tag)) {
            kept.add(tag);
          }
        }
      }
      Set<String> wanted = new TreeSet<>(kept);
      List<AreaRef> found = index.locate(latitudes[i], longitudes[i]);
      for (AreaRef area : found) {
        wanted.add(AreaTags.tag(area));
      }
      tagged += found.isEmpty() ? 0 : 1;
      if (!wanted.equals(now)) {
        changed += difference(now, wanted) + difference(wanted, now);
        if (wanted.isEmpty()) {
          changedIds.add(ids[i]);
          changedTags.add(null);
        }
        for (String tag : wanted) {
          changedIds.add(ids[i]);
          changedTags.add(tag);
        }
      }
    }
    requests += size;
    update(changedIds, changedTags);
  }

  long requests() {
    return requests;
  }

  long tagged() {
    return tagged;
  }

  /** Tags added or removed. */
  long changed() {
    return changed;
  }

  private boolean ofOurTypes(String tag) {
    for (String type : types) {
      if (AreaTags.isOf(tag, type)) {
        return true;
      }
    }
    return false;
  }

  private static int difference(Set<String> a, Set<String> b) {
    int count = 0;
    for (String tag : a) {
      count += b.contains(tag) ? 0 : 1;
    }
    return count;
  }

  /** One statement for the batch: (id, tag) pairs, a null tag for a request left without any. */
  private void update(List<Long> ids, List<String> tags) {
    if (ids.isEmpty()) {
      return;
    }
    handle
        .createUpdate(
            """
            update service_request r
               set areas = u.areas
              from (select id, array_agg(tag order by tag collate "C") filter (where tag is not null) as areas
                      from unnest(cast(:ids as bigint[]), cast(:tags as text[])) as t (id, tag)
                     group by id) u
             where r.id = u.id
            """)
        .bindArray("ids", Long.class, ids)
        .bindArray("tags", String.class, tags)
        .execute();
  }
}
