package dev.open311.storage.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many parallel workers each of the concurrent index builds after a bulk load may start. */
class BulkIndexesTest {

  @Test
  void buildsOnEveryCoreAlreadyStartNoWorkers() {
    assertEquals(0, BulkIndexes.parallelWorkers(2, 2));
    assertEquals(0, BulkIndexes.parallelWorkers(1, 2));
    assertEquals(0, BulkIndexes.parallelWorkers(3, 2));
  }

  @Test
  void spareCoresAreSharedBetweenTheBuilds() {
    assertEquals(1, BulkIndexes.parallelWorkers(4, 2));
    assertEquals(3, BulkIndexes.parallelWorkers(8, 2));
    assertEquals(7, BulkIndexes.parallelWorkers(8, 1));
  }
}
