package dev.open311.storage.dao;

import dev.open311.spec.query.BoundingBox;
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
 */
final class NewestNearby {

  /** The cell of a request's point; the expression is the V3 index's, so they must stay equal. */
  static final String CELL =
      "((floor(r.lat * 100) + 9000) * 40000 + floor(r.long * 100) + 18000)::integer";

  private static final String NEWEST = " order by r.requested_at desc, r.id desc";

  /**
   * Beyond this many cells (about 1.5 km of radius) the area holds enough of the city for the
   * time index alone to find a page quickly.
   */
  static final int MAX_CELLS = 25;

  private NewestNearby() {}

  /**
   * The cells a newest-first search's circle or box touches (the one touching fewer), when there
   * are few enough.
   */
  static Optional<List<Integer>> cells(ServiceRequestQuery query) {
    if (query.order() != SearchOrder.NEWEST) {
      return Optional.empty();
    }
    Optional<List<Integer>> circle =
        query.near() == null ? Optional.empty() : cells(query.near().bounds());
    Optional<List<Integer>> box = query.bbox() == null ? Optional.empty() : cells(query.bbox());
    if (circle.isPresent() && box.isPresent()) {
      return circle.get().size() <= box.get().size() ? circle : box;
    }
    return circle.isPresent() ? circle : box;
  }

  private static Optional<List<Integer>> cells(BoundingBox box) {
    long minRow = (long) Math.floor(box.minLatitude() * 100);
    long maxRow = (long) Math.floor(box.maxLatitude() * 100);
    long minColumn = (long) Math.floor(box.minLongitude() * 100);
    long maxColumn = (long) Math.floor(box.maxLongitude() * 100);
    if ((maxRow - minRow + 1) * (maxColumn - minColumn + 1) > MAX_CELLS) {
      return Optional.empty();
    }
    List<Integer> cells = new ArrayList<>();
    for (long row = minRow; row <= maxRow; row++) {
      for (long column = minColumn; column <= maxColumn; column++) {
        cells.add((int) ((row + 9000) * 40000 + column + 18000));
      }
    }
    return Optional.of(cells);
  }

  static String sql(
      ServiceRequestQuery query, List<Integer> cells, String columns, String joins, String slice) {
    String filters = SearchFilters.sql(query, Spatial.COMPARED);
    StringBuilder sql = new StringBuilder(columns).append("  from (\n");
    for (int i = 0; i < cells.size(); i++) {
      sql.append(i == 0 ? "" : "  union all\n")
          .append("  (select r.id, r.requested_at from service_request r\n")
          .append("    where r.jurisdiction_id = :jurisdictionId and ")
          .append(CELL)
          .append(" = :cell")
          .append(i)
          .append('\n')
          .append(filters)
          .append(NEWEST)
          .append(")\n");
    }
    return sql.append(" order by requested_at desc, id desc")
        .append(slice)
        .append(") nearby\n  join service_request r on r.id = nearby.id\n")
        .append(joins)
        .append(NEWEST)
        .toString();
  }

  static void bind(Query statement, List<Integer> cells) {
    for (int i = 0; i < cells.size(); i++) {
      statement.bind("cell" + i, cells.get(i));
    }
  }
}
