package dev.open311.storage.geo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which areas contain a point: an STRtree of the areas' envelopes, each leaf an indexed
 * point-in-polygon locator (what JTS's PreparedPolygon uses for points, called here on a bare
 * coordinate so no Point is built per lookup). A point on an area's boundary is in that area, so a
 * point on the edge two wards share is in both. Immutable and thread-safe once built.
 */
public final class AreaIndex implements AreaLocator {

  public static final AreaIndex EMPTY = new AreaIndex(List.of());

  private record Entry(AreaRef ref, IndexedPointInAreaLocator locator) {}

  private final STRtree tree = new STRtree();
  private final int size;

  public AreaIndex(Collection<Area> areas) {
    for (Area area : areas) {
      IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(area.geometry());
      // The locator builds its own index lazily: build it now, not in the first filing.
      locator.locate(area.geometry().getCoordinate());
      tree.insert(
          area.geometry().getEnvelopeInternal(),
          new Entry(new AreaRef(area.areaType(), area.areaKey()), locator));
    }
    tree.build();
    size = areas.size();
  }

  /** The number of areas indexed. */
  public int size() {
    return size;
  }

  @Override
  public List<AreaRef> locate(double latitude, double longitude) {
    List<AreaRef> found = new ArrayList<>(4);
    Coordinate point = new Coordinate(longitude, latitude);
    tree.query(
        new Envelope(point),
        item -> {
          Entry entry = (Entry) item;
          if (entry.locator().locate(point) != Location.EXTERIOR) {
            found.add(entry.ref());
          }
        });
    return found;
  }
}
