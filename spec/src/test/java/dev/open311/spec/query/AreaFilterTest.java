package dev.open311.spec.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.open311.spec.error.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** area_type=ward&amp;area=42,43. */
class AreaFilterTest {

  @Test
  void neitherParameterIsNoFilter() {
    assertNull(AreaFilter.of(null, List.of()));
  }

  @Test
  void eachParameterNeedsTheOther() {
    assertEquals(
        List.of("area needs area_type, e.g. area_type=ward&area=42"),
        assertThrows(InvalidRequestException.class, () -> AreaFilter.of(null, List.of("42")))
            .errors().stream().map(e -> e.description()).toList());
    assertThrows(InvalidRequestException.class, () -> AreaFilter.of("ward", List.of()));
  }

  @Test
  void aKnownTypeIsKept() {
    AreaFilter wards = AreaFilter.of("ward", List.of("42", "43"));
    assertSame(wards, wards.ofKnownType(List.of("community_area", "ward")));
  }

  @Test
  void anUnknownTypeIsA400NamingTheKnownOnes() {
    AreaFilter misspelt = AreaFilter.of("wrad", List.of("42"));

    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> misspelt.ofKnownType(List.of("community_area", "ward")));

    assertEquals(400, e.status());
    assertEquals(
        "area_type wrad is not known here; it takes community_area, ward",
        e.errors().get(0).description());
    assertEquals(
        "area_type wrad is not known here; it takes no type yet",
        assertThrows(InvalidRequestException.class, () -> misspelt.ofKnownType(List.of()))
            .errors().get(0).description());
  }
}
