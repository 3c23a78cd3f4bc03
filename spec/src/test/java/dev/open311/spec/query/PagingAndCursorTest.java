package dev.open311.spec.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.open311.spec.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** page/page_size, strict numbers, and the opaque harvest cursor. */
class PagingAndCursorTest {

  @Test
  void defaultsToTheFirstPageOfFifty() {
    Paging paging = Paging.of(null, null);
    assertEquals(new Paging(1, 50), paging);
    assertEquals(0, paging.offset());
  }

  @Test
  void pageZeroIsPageOne() {
    assertEquals(1, Paging.of(0, 10).page());
  }

  @Test
  void offsetSkipsTheEarlierPages() {
    assertEquals(1000, Paging.of(3, 500).offset());
    assertEquals(1_073_741_823_000L, Paging.of(Integer.MAX_VALUE, 500).offset());
  }

  @Test
  void negativePageIsRefused() {
    assertThrows(InvalidRequestException.class, () -> Paging.of(-1, null));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -3, 501})
  void pageSizeOutsideOneToFiveHundredIsRefused(int size) {
    assertThrows(InvalidRequestException.class, () -> Paging.of(1, size));
  }

  @Test
  void pageSizeOfFiveHundredIsAccepted() {
    assertEquals(500, Paging.of(1, 500).pageSize());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "two", "1e3", "", "99999999999", "0x10"})
  void integersAreStrict(String text) {
    assertThrows(InvalidRequestException.class, () -> Numbers.integer("page", text));
  }

  @Test
  void integersAcceptASignAndSpaces() {
    assertEquals(-1, Numbers.integer("page", " -1 "));
    assertEquals(7, Numbers.integer("page", "+7"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1d", "1e3", "0x1p3", "--1", "1.2.3", "."})
  void decimalsAreStrict(String text) {
    assertThrows(InvalidRequestException.class, () -> Numbers.decimal("lat", text));
  }

  @Test
  void decimalsAcceptTheUsualForms() {
    assertEquals(-87.6278, Numbers.decimal("long", "-87.6278"));
    assertEquals(0.5, Numbers.decimal("lat", ".5"));
    assertEquals(41.0, Numbers.decimal("lat", "41."));
  }

  @Test
  void cursorRoundTripsAndIsUrlSafe() {
    HarvestCursor cursor = new HarvestCursor(9_223_372_036_854_775_807L, 12_345_678_901L);
    String encoded = cursor.encode();
    assertEquals(cursor, HarvestCursor.decode(encoded));
    assertEquals(-1, encoded.indexOf('='));
    assertEquals(encoded, encoded.replaceAll("[^A-Za-z0-9_-]", ""));
  }

  @Test
  void absentCursorIsNone() {
    assertNull(HarvestCursor.decode(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64!", "MTI", "YWJjOmRlZg", "MTI6", "OjEy", "LTE6Mg"})
  void cursorsThisServerDidNotHandOutAreRefused(String text) {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> HarvestCursor.decode(text));
    assertEquals(400, e.status());
  }
}
