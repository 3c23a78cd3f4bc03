package dev.open311.storage.dao;

import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import dev.open311.spec.query.SearchOrder;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.storage.dao.SearchFilters.Spatial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/**
 * The newest requests within a small circle or box, without reading every request in it. The
 * GiST index finds the area's requests but not in time order, so at ten million requests a 500 m
 * circle means thousands of rows to sort; the time index gives the order but holds the whole city.
 * The cell index (V10) has both: requests by 0.002-degree cell (about 220 x 165 m in Chicago),
 * then newest first, with the point in the index.
 *
 * <p>One statement of fixed text, whatever the area, so that its plan is made once:
 *
 * <ol>
 *   <li>The <em>seed</em> cells, a few cells wholly inside the area near its middle, give their
 *       newest {@code reach} (offset + limit) requests each, no distance to test. The
 *       reach-th newest of those is a time bound: at least {@code reach} matches are that new, so
 *       nothing older can be on the page.
 *   <li>Every other cell the area touches gives its newest matches down to that bound, each row
 *       tested against the exact distance and box: a few rows per cell, whichever part of it the
 *       area covers. Without seeds (a tiny area, or one with few requests) the bound is
 *       -infinity and each cell gives up to {@code reach} matches.
 *   <li>The page is the newest of both, read from the table by its keys.
 * </ol>
 *
 * At 12.7M requests a 500 m circle touches about 40 cells and reads about 600 index entries.
 */
final class NewestNearby {

  /** The cell of a request's point; the expression is V10's index's, so they must stay equal. */
  static final String CELL =
      "((floor(r.lat * 500) + 45000) * 200000 + floor(r.long * 500) + 90000)::bigint";

  /** Cells per degree, both ways. */
  static final int PER_DEGREE = 500;

  /**
   * Beyond this many cells (a radius of about 1 km) the area holds enough of the city for the time
   * index alone to find a page quickly.
   */
  static final int MAX_CELLS = 160;

  // Cell edges are where floor(x * 500) changes; rounding may put that a hair off x / 500.
  private static final double EDGE = 1e-9;
  // A cell counts as inside a circle when its corners are this much closer than the radius.
  private static final double INSIDE_MARGIN_METERS = 0.01;
  private static final String NEWEST = " order by r.requested_at desc, r.id desc";

  /**
   * The cells to read.
   *
   * @param seeds cells wholly inside the area, read without a bound
   * @param others every other cell the area may reach, read down to the seeds' bound
   */
  record Cells(List<Long> seeds, List<Long> others) {}

  private record Cell(long id, double distance, boolean inside) {}

  private NewestNearby() {}

  /** The cell of a point, as {@link #CELL} computes it. */
  static long cell(long row, long column) {
    return (row + 45_000L) * 200_000L + column + 90_000L;
  }

  /** A cell the area touches, with its rectangle (edges widened a hair, see EDGE). */
  private record Touched(long id, BoundingBox rectangle) {}

  /** The area searched (circle and box together) and the cells it touches. */
  private record Grid(BoundingBox area, List<Touched> cells) {}

  /** The ids of the cells a newest-first search's area touches, when there are few enough. */
  static Optional<List<Long>> cellIds(ServiceRequestQuery query) {
    return query.order() == SearchOrder.NEWEST ? touched(query, MAX_CELLS) : Optional.empty();
  }

  /**
   * The ids of the cells a search's circle or box touches, in any order, when at most {@code
   * maxCells}.
   */
  static Optional<List<Long>> touched(ServiceRequestQuery query, int maxCells) {
    return grid(query, maxCells).map(grid -> grid.cells().stream().map(Touched::id).toList());
  }

  /** The cells a newest-first search's circle or box touches, when there are few enough. */
  static Optional<Cells> cells(ServiceRequestQuery query) {
    Optional<Grid> grid =
        query.order() == SearchOrder.NEWEST ? grid(query, MAX_CELLS) : Optional.empty();
    if (grid.isEmpty()) {
      return Optional.empty();
    }
    BoundingBox area = grid.get().area();
    double middleLatitude = (area.minLatitude() + area.maxLatitude()) / 2;
    double middleLongitude = (area.minLongitude() + area.maxLongitude()) / 2;
    List<Cell> cells = new ArrayList<>();
    for (Touched touched : grid.get().cells()) {
      BoundingBox rectangle = touched.rectangle();
      double distance =
          Circle.distanceMeters(
              middleLatitude,
              middleLongitude,
              (rectangle.minLatitude() + rectangle.maxLatitude()) / 2,
              (rectangle.minLongitude() + rectangle.maxLongitude()) / 2);
      cells.add(new Cell(touched.id(), distance, inside(query, rectangle)));
    }
    // About the square root of the cells: seeds read reach rows each, the others reach / seeds.
    long wanted = Math.max(1, Math.round(Math.sqrt(cells.size())));
    List<Long> seeds =
        cells.stream()
            .filter(Cell::inside)
            .sorted(Comparator.comparingDouble(Cell::distance))
            .limit(wanted)
            .map(Cell::id)
            .toList();
    List<Long> others = cells.stream().map(Cell::id).filter(id -> !seeds.contains(id)).toList();
    return Optional.of(new Cells(seeds, others));
  }

  private static Optional<Grid> grid(ServiceRequestQuery query, int maxCells) {
    if (query.near() == null && query.bbox() == null) {
      return Optional.empty();
    }
    BoundingBox area = query.near() == null ? query.bbox() : query.near().bounds();
    if (query.near() != null && query.bbox() != null) {
      area = intersection(area, query.bbox());
      if (area == null) {
        return Optional.empty();
      }
    }
    long minRow = (long) Math.floor(area.minLatitude() * PER_DEGREE);
    long maxRow = (long) Math.floor(area.maxLatitude() * PER_DEGREE);
    long minColumn = (long) Math.floor(area.minLongitude() * PER_DEGREE);
    long maxColumn = (long) Math.floor(area.maxLongitude() * PER_DEGREE);
    if ((maxRow - minRow + 1) * (maxColumn - minColumn + 1) > maxCells) {
      return Optional.empty();
    }
    List<Touched> cells = new ArrayList<>();
    for (long row = minRow; row <= maxRow; row++) {
      for (long column = minColumn; column <= maxColumn; column++) {
        BoundingBox rectangle =
            new BoundingBox(
                Math.max(-180, (double) column / PER_DEGREE - EDGE),
                Math.max(-90, (double) row / PER_DEGREE - EDGE),
                Math.min(180, (double) (column + 1) / PER_DEGREE + EDGE),
                Math.min(90, (double) (row + 1) / PER_DEGREE + EDGE));
        if (intersection(area, rectangle) == null || missesCircle(query.near(), rectangle)) {
          continue;
        }
        cells.add(new Touched(cell(row, column), rectangle));
      }
    }
    return Optional.of(new Grid(area, cells));
  }

  static String sql(ServiceRequestQuery query, String slice) {
    long reach = ServiceRequestSearch.reach(query);
    String arm =
        """
           cross join lateral (
             select r.id, r.requested_at from service_request r
              where r.jurisdiction_num = %s and %s = c.cell
        """
            .formatted(JurisdictionNum.OF, CELL);
    return "with seeded as materialized (\n  select x.id, x.requested_at"
        + " from unnest(cast(:seedCells as bigint[])) as c(cell)\n"
        + arm
        + SearchFilters.sql(query, Spatial.NONE)
        + NEWEST + " limit " + reach + ") x),\n"
        + "bound as (\n  select coalesce((select requested_at from seeded"
        + " order by requested_at desc, id desc offset " + (reach - 1) + " limit 1),"
        + " '-infinity') as since),\n"
        + "others as (\n  select x.id, x.requested_at"
        + " from unnest(cast(:otherCells as bigint[])) as c(cell)\n"
        + arm
        + "        and r.requested_at >= (select since from bound)\n"
        + SearchFilters.sql(query, Spatial.COMPARED)
        + NEWEST + " limit " + reach + ") x)\n"
        + ServiceRequestSearch.rowsOf(
            "select id, requested_at from seeded union all select id, requested_at from others"
                + "\n order by requested_at desc, id desc" + slice);
  }

  static void bind(Query statement, Cells cells) {
    statement.bindArray("seedCells", Long.class, cells.seeds());
    statement.bindArray("otherCells", Long.class, cells.others());
  }

  /** Whether the cell lies wholly inside the searched area (the circle and the box). */
  private static boolean inside(ServiceRequestQuery query, BoundingBox cell) {
    BoundingBox bbox = query.bbox();
    if (bbox != null
        && !(cell.minLongitude() >= bbox.minLongitude() && cell.maxLongitude() <= bbox.maxLongitude()
            && cell.minLatitude() >= bbox.minLatitude() && cell.maxLatitude() <= bbox.maxLatitude())) {
      return false;
    }
    Circle circle = query.near();
    if (circle == null) {
      return true;
    }
    // On a sphere the farthest point of a latitude-longitude rectangle is one of its corners.
    double limit = circle.radiusMeters() - INSIDE_MARGIN_METERS;
    for (double latitude : new double[] {cell.minLatitude(), cell.maxLatitude()}) {
      for (double longitude : new double[] {cell.minLongitude(), cell.maxLongitude()}) {
        if (Circle.distanceMeters(circle.latitude(), circle.longitude(), latitude, longitude)
            > limit) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether the circle certainly misses the cell: its nearest point in degrees is farther than the
   * radius with a margin (on the sphere the nearest point can lie a little aside; a cell kept in
   * error only costs an index probe).
   */
  private static boolean missesCircle(Circle circle, BoundingBox cell) {
    if (circle == null) {
      return false;
    }
    double latitude = Math.max(cell.minLatitude(), Math.min(cell.maxLatitude(), circle.latitude()));
    double longitude =
        Math.max(cell.minLongitude(), Math.min(cell.maxLongitude(), circle.longitude()));
    double distance =
        Circle.distanceMeters(circle.latitude(), circle.longitude(), latitude, longitude);
    return distance > circle.radiusMeters() * 1.01 + 1;
  }

  private static BoundingBox intersection(BoundingBox a, BoundingBox b) {
    double minLongitude = Math.max(a.minLongitude(), b.minLongitude());
    double minLatitude = Math.max(a.minLatitude(), b.minLatitude());
    double maxLongitude = Math.min(a.maxLongitude(), b.maxLongitude());
    double maxLatitude = Math.min(a.maxLatitude(), b.maxLatitude());
    if (minLongitude > maxLongitude || minLatitude > maxLatitude) {
      return null;
    }
    return new BoundingBox(minLongitude, minLatitude, maxLongitude, maxLatitude);
  }
}
