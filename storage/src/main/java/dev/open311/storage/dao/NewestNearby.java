package dev.open311.storage.dao;

import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import dev.open311.spec.query.SearchOrder;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.storage.dao.SearchFilters.Spatial;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/**
 * The newest requests within a small circle or box, without reading every request in it. The
 * GiST index finds the area's requests but not in time order, so at ten million requests a 500 m
 * circle means thousands of rows to sort; the time index gives the order but holds the whole city.
 * The cell index (V3) has both: requests by 0.01-degree cell (about 1.1 x 0.8 km in Chicago), then
 * newest first. The statement reads each cell the area touches in time order, each row checked
 * against the exact distance and box, and merges them (PostgreSQL's Merge Append) until the page
 * is full, so it reads little more than the rows it returns.
 *
 * <p>A merge must read the first match of every cell, and a cell the area only grazes may hold
 * none: read in time order, it would be read whole. Such a sliver is read through the GiST index
 * instead, within its small rectangle of the area's box, and sorted.
 */
final class NewestNearby {

  /** The cell of a request's point; the expression is the V3 index's, so they must stay equal. */
  static final String CELL =
      "((floor(r.lat * 100) + 9000) * 40000 + floor(r.long * 100) + 18000)::integer";

  /**
   * Beyond this many cells (about 1.5 km of radius) the area holds enough of the city for the
   * time index alone to find a page quickly.
   */
  static final int MAX_CELLS = 25;

  private static final int SAMPLES = 8;
  // Cell edges are where floor(x * 100) changes; rounding may put that a hair off x / 100.
  private static final double EDGE = 1e-9;
  private static final double METERS_PER_DEGREE = Circle.EARTH_RADIUS_METERS * Math.PI / 180;
  private static final String NEWEST = " order by r.requested_at desc, r.id desc";

  /**
   * One cell of the area.
   *
   * @param sliver the rectangle of a cell the area barely covers, read through the GiST index;
   *     null for a cell read in time order
   */
  record Arm(long row, long column, BoundingBox sliver) {
    int cell() {
      return (int) ((row + 9000) * 40000 + column + 18000);
    }
  }

  private NewestNearby() {}

  /**
   * The cells a newest-first search's circle or box touches (the one touching fewer), when there
   * are few enough.
   */
  static Optional<List<Arm>> arms(ServiceRequestQuery query) {
    if (query.order() != SearchOrder.NEWEST || (query.near() == null && query.bbox() == null)) {
      return Optional.empty();
    }
    BoundingBox area = query.near() == null ? query.bbox() : query.near().bounds();
    if (query.near() != null && query.bbox() != null) {
      area = intersection(area, query.bbox());
      if (area == null) {
        return Optional.empty();
      }
    }
    long minRow = (long) Math.floor(area.minLatitude() * 100);
    long maxRow = (long) Math.floor(area.maxLatitude() * 100);
    long minColumn = (long) Math.floor(area.minLongitude() * 100);
    long maxColumn = (long) Math.floor(area.maxLongitude() * 100);
    if ((maxRow - minRow + 1) * (maxColumn - minColumn + 1) > MAX_CELLS) {
      return Optional.empty();
    }
    List<Arm> arms = new ArrayList<>();
    for (long row = minRow; row <= maxRow; row++) {
      for (long column = minColumn; column <= maxColumn; column++) {
        BoundingBox whole =
            new BoundingBox(
                Math.max(-180, column / 100.0 - EDGE),
                Math.max(-90, row / 100.0 - EDGE),
                Math.min(180, (column + 1) / 100.0 + EDGE),
                Math.min(90, (row + 1) / 100.0 + EDGE));
        BoundingBox part = intersection(area, whole);
        if (part != null) {
          arms.add(new Arm(row, column, covers(query, whole) ? null : part));
        }
      }
    }
    return Optional.of(arms);
  }

  static String sql(
      ServiceRequestQuery query, List<Arm> arms, String columns, String joins, String slice) {
    String filters = SearchFilters.sql(query, Spatial.COMPARED);
    StringBuilder sql = new StringBuilder(columns).append("  from (\n");
    for (int i = 0; i < arms.size(); i++) {
      // A lone arm takes the slice itself: "(select ... order by) order by" is not SQL.
      boolean lone = arms.size() == 1;
      sql.append(i == 0 ? "" : "  union all\n")
          .append(lone ? "" : "  (")
          .append("select r.id, r.requested_at from service_request r\n")
          .append("    where r.jurisdiction_id = :jurisdictionId\n");
      if (arms.get(i).sliver() == null) {
        sql.append("      and ").append(CELL).append(" = :cell").append(i).append('\n');
      } else {
        // written so that only the GiST index applies; the floors keep the row in its own cell
        sql.append(
            ("      and r.location <@ box(point(:minLong%1$d, :minLat%1$d), point(:maxLong%1$d,"
                    + " :maxLat%1$d))\n"
                    + "      and floor(r.lat * 100) = :row%1$d and floor(r.long * 100) = :column%1$d\n")
                .formatted(i));
      }
      sql.append(filters).append(NEWEST).append(lone ? "" : ")\n");
    }
    if (arms.size() > 1) {
      sql.append(" order by requested_at desc, id desc");
    }
    return sql.append(slice)
        .append(") nearby\n  join service_request r on r.id = nearby.id\n")
        .append(joins)
        .append(NEWEST)
        .toString();
  }

  static void bind(Query statement, List<Arm> arms) {
    for (int i = 0; i < arms.size(); i++) {
      Arm arm = arms.get(i);
      if (arm.sliver() == null) {
        statement.bind("cell" + i, arm.cell());
      } else {
        statement
            .bind("minLong" + i, arm.sliver().minLongitude())
            .bind("minLat" + i, arm.sliver().minLatitude())
            .bind("maxLong" + i, arm.sliver().maxLongitude())
            .bind("maxLat" + i, arm.sliver().maxLatitude())
            .bind("row" + i, (double) arm.row())
            .bind("column" + i, (double) arm.column());
      }
    }
  }

  /**
   * Whether the searched area covers a fair part of the cell (one sample point of an 8 x 8 grid
   * or more), so that reading the cell in time order soon meets a match. A flat approximation:
   * it only chooses how to read, the SQL decides what matches.
   */
  private static boolean covers(ServiceRequestQuery query, BoundingBox cell) {
    Circle circle = query.near();
    BoundingBox bbox = query.bbox();
    double xScale =
        circle == null ? 0 : METERS_PER_DEGREE * Math.cos(Math.toRadians(circle.latitude()));
    for (int i = 0; i < SAMPLES; i++) {
      double latitude = cell.minLatitude() + (i + 0.5) / SAMPLES * height(cell);
      for (int j = 0; j < SAMPLES; j++) {
        double longitude = cell.minLongitude() + (j + 0.5) / SAMPLES * width(cell);
        boolean inBox =
            bbox == null
                || (longitude >= bbox.minLongitude() && longitude <= bbox.maxLongitude()
                    && latitude >= bbox.minLatitude() && latitude <= bbox.maxLatitude());
        if (inBox && (circle == null || near(circle, xScale, latitude, longitude))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean near(Circle circle, double xScale, double latitude, double longitude) {
    double dy = (latitude - circle.latitude()) * METERS_PER_DEGREE;
    double dx = (longitude - circle.longitude()) * xScale;
    return dx * dx + dy * dy <= circle.radiusMeters() * circle.radiusMeters();
  }

  private static double height(BoundingBox box) {
    return box.maxLatitude() - box.minLatitude();
  }

  private static double width(BoundingBox box) {
    return box.maxLongitude() - box.minLongitude();
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
