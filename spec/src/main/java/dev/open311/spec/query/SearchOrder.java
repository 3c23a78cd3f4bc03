package dev.open311.spec.query;

/** The order of a GET requests answer; every one ends with a tie-break on the request's key. */
public enum SearchOrder {
  /** Newest {@code requested_datetime} first: the standard's order. */
  NEWEST,
  /** Nearest to the searched point first ({@code sort=distance}). */
  DISTANCE,
  /**
   * Oldest change first, settled rows only: what a harvest pages through ({@code updated_after},
   * {@code updated_before}, {@code cursor}). Requests changed later always sort after every row
   * already returned.
   */
  HARVEST
}
