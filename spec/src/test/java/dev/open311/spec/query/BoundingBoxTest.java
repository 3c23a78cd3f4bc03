package dev.open311.spec.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** bbox=min_long,min_lat,max_long,max_lat. */
class BoundingBoxTest {

  @Test
  void parsesLongitudeFirst() {
    BoundingBox box = BoundingBox.parse("-87.7,41.8,-87.6,41.9");
    assertEquals(new BoundingBox(-87.7, 41.8, -87.6, 41.9), box);
  }

  @Test
  void absentIsNoBox() {
    assertNull(BoundingBox.parse(null));
  }

  @Test
  void aDegenerateBoxIsAPointAndAccepted() {
    assertEquals(-87.6, BoundingBox.parse("-87.6,41.8,-87.6,41.8").maxLongitude());
  }

  @Test
  void reversedLongitudesAreRefusedNamingTheOrder() {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> BoundingBox.parse("-87.6,41.8,-87.7,41.9"));
    assertTrue(e.getMessage().contains("min_long,min_lat,max_long,max_lat"), e.getMessage());
  }

  @Test
  void reversedLatitudesAreRefused() {
    assertThrows(InvalidRequestException.class, () -> BoundingBox.parse("-87.7,41.9,-87.6,41.8"));
  }

  @Test
  void aLatitudeFirstBoxWhoseLongitudesAreNoLatitudesIsRefused() {
    // uReport's order (lat first) for Kansas City reads as a "latitude" of -94.7
    assertThrows(InvalidRequestException.class, () -> BoundingBox.parse("39.0,-94.7,39.2,-94.4"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "1,2,3", "1,2,3,4,5", "a,b,c,d", "1,2,,4", "NaN,1,2,3", "1,2,Infinity,4",
        "0x1p3,1,2,3", "-181,0,0,1", "0,-90.1,1,1"})
  void anythingButFourNumbersInRangeIsRefused(String text) {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> BoundingBox.parse(text));
    assertEquals(400, e.status());
  }
}
