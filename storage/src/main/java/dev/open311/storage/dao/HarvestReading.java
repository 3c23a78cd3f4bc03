package dev.open311.storage.dao;

/**
 * How a harvest's page is read ({@link HarvestPages}): an update range of at most {@code
 * updatedWindow} requests is read whole; a walk passes at most {@code walkBudget} changes beyond
 * the page's reach before the filters' own indexes find the page. A newest-first page of a wide
 * circle or box ({@link ServiceRequestSearch}) is walked in time order when the area holds at
 * least {@code denseArea} requests, and found through the GiST index otherwise.
 */
public record HarvestReading(int updatedWindow, int walkBudget, int denseArea) {
  /**
   * A day's update range takes 12-30 ms read whole at 20M requests. A walk fetches a row for
   * each change it passes, about 3 us warm: 50,000 changes are some 150 ms.
   */
  public static final HarvestReading DEFAULT = new HarvestReading(50_000, 50_000, 10_000);

  public HarvestReading {
    if (updatedWindow < 0 || walkBudget < 0 || denseArea < 0) {
      throw new IllegalArgumentException("the window, budget and density must not be negative");
    }
  }
}
