package dev.open311.storage.dao;

/**
 * How a harvest's page is read ({@link HarvestPages}): an update range of at most {@code
 * updatedWindow} requests is read whole; a walk passes at most {@code walkBudget} changes beyond
 * the page's reach before the filters' own indexes find the page. A newest-first page of a wide
 * circle or box ({@link ServiceRequestSearch}) is walked in time order when the area holds at
 * least {@code denseArea} requests, and found through the GiST index otherwise; where that walk
 * finds too few, a second one as long as their rate asks for, at most {@code farWalk} rows. A
 * page nearest first of some services is sorted from those requests when they are few: from a
 * thirtieth of {@code fewToList} for any page up to all of it for a deep page of many requests;
 * of a window of dates, from its requests in the circle's cells when fewer than five times
 * {@code fewToList}; and found walking the GiST index nearest first otherwise (0: always).
 */
public record HarvestReading(
    int updatedWindow, int walkBudget, int denseArea, int farWalk, int fewToList) {
  private static final int DEFAULT_FEW_TO_LIST = 60_000;

  /**
   * A day's update range takes 12-30 ms read whole at 20M requests. A walk fetches a row for
   * each change it passes, about 3 us warm: 50,000 changes are some 150 ms, and a far walk of
   * 400,000 rows about a second, less than sorting the area's requests that it must beat (an area
   * where 400,000 rows are too few for a page holds few recent requests). 60,000 requests of some
   * services, fetched by key and sorted, take some 0.3 s; a walk nearest first fetches every
   * request it passes, and passes the whole circle when the services have fewer matches in it
   * than the page's reach (1.8M requests, 13 s, for a rare service in 3 km downtown).
   */
  public static final HarvestReading DEFAULT =
      new HarvestReading(50_000, 50_000, 10_000, 400_000, DEFAULT_FEW_TO_LIST);

  public HarvestReading {
    if (updatedWindow < 0 || walkBudget < 0 || denseArea < 0 || farWalk < 0
        || fewToList < 0) {
      throw new IllegalArgumentException(
          "the window, budgets and density must not be negative");
    }
  }

  /** The default's {@code fewToList}, for tests of the harvest and newest-first reading. */
  public HarvestReading(int updatedWindow, int walkBudget, int denseArea, int farWalk) {
    this(updatedWindow, walkBudget, denseArea, farWalk, DEFAULT_FEW_TO_LIST);
  }
}
