package dev.open311.storage.dao;

/**
 * How a harvest's page is read ({@link HarvestPages}): an update range of at most {@code
 * updatedWindow} requests is read whole; a walk passes at most {@code walkBudget} changes beyond
 * the page's reach before the filters' own indexes find the page. A newest-first page of a wide
 * circle or box ({@link ServiceRequestSearch}) is walked in time order when the area holds at
 * least {@code denseArea} requests, and found through the GiST index otherwise; where that walk
 * finds too few, a second one as long as their rate asks for, at most {@code farWalk} rows.
 */
public record HarvestReading(int updatedWindow, int walkBudget, int denseArea, int farWalk) {
  /**
   * A day's update range takes 12-30 ms read whole at 20M requests. A walk fetches a row for
   * each change it passes, about 3 us warm: 50,000 changes are some 150 ms, and a far walk of
   * 400,000 rows about a second, less than sorting the area's requests that it must beat (an area
   * where 400,000 rows are too few for a page holds few recent requests).
   */
  public static final HarvestReading DEFAULT =
      new HarvestReading(50_000, 50_000, 10_000, 400_000);

  public HarvestReading {
    if (updatedWindow < 0 || walkBudget < 0 || denseArea < 0 || farWalk < 0) {
      throw new IllegalArgumentException(
          "the window, budgets and density must not be negative");
    }
  }
}
