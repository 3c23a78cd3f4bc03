package dev.open311.spec.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.model.Jurisdiction;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which jurisdiction a call is for (digest §0 jurisdiction_id, §5 row 1). */
class JurisdictionRulesTest {

  private static final Jurisdiction CHICAGO =
      new Jurisdiction(
          "cityofchicago.org", "City of Chicago", ZoneId.of("America/Chicago"), null, null);
  private static final Jurisdiction BLOOMINGTON =
      new Jurisdiction(
          "bloomington.in.gov",
          "City of Bloomington",
          ZoneId.of("America/Indiana/Indianapolis"),
          null,
          null);

  @Test
  void absentIdChoosesTheOnlyJurisdictionServed() {
    assertSame(CHICAGO, JurisdictionRules.resolve(null, List.of(CHICAGO)));
  }

  @Test
  void absentIdIsA400WhenSeveralJurisdictionsAreServed() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> JurisdictionRules.resolve(null, List.of(CHICAGO, BLOOMINGTON)));

    assertEquals(400, e.status());
    assertTrue(e.errors().get(0).description().contains("jurisdiction_id"));
  }

  @Test
  void givenIdChoosesThatJurisdictionAmongSeveral() {
    assertSame(
        BLOOMINGTON,
        JurisdictionRules.resolve("bloomington.in.gov", List.of(CHICAGO, BLOOMINGTON)));
  }

  @Test
  void unknownIdIsA404NamingIt() {
    NotFoundException e =
        assertThrows(
            NotFoundException.class,
            () -> JurisdictionRules.resolve("springfield.gov", List.of(CHICAGO)));

    assertEquals(404, e.status());
    assertTrue(e.errors().get(0).description().contains("springfield.gov"));
  }

  @Test
  void unknownIdIsA404EvenWhenOnlyOneJurisdictionIsServed() {
    assertThrows(
        NotFoundException.class, () -> JurisdictionRules.resolve("chicago", List.of(CHICAGO)));
  }

  @Test
  void idMatchesIgnoringCase() {
    assertSame(
        CHICAGO, JurisdictionRules.resolve("CityOfChicago.ORG", List.of(BLOOMINGTON, CHICAGO)));
  }

  @Test
  void idMatchesIgnoringSurroundingSpaces() {
    assertSame(CHICAGO, JurisdictionRules.resolve(" cityofchicago.org ", List.of(CHICAGO)));
  }

  @Test
  void absentIdIsA404WhenNoJurisdictionIsServed() {
    NotFoundException e =
        assertThrows(NotFoundException.class, () -> JurisdictionRules.resolve(null, List.of()));

    assertEquals(404, e.status());
  }

  @Test
  void givenIdIsA404WhenNoJurisdictionIsServed() {
    assertThrows(
        NotFoundException.class, () -> JurisdictionRules.resolve("cityofchicago.org", List.of()));
  }
}
