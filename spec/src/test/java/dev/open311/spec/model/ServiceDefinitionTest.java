package dev.open311.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A service definition lists its attributes in display order and finds them by code. */
class ServiceDefinitionTest {

  private static final ServiceAttribute WHERE =
      new ServiceAttribute(
          true,
          "WHERE",
          Datatype.SINGLEVALUELIST,
          true,
          null,
          2,
          "Where?",
          List.of(new AttributeValue("STREET", "In the street")));
  private static final ServiceAttribute NOTICE =
      new ServiceAttribute(false, "NOTICE", Datatype.STRING, false, null, 1, "Call 911", null);

  @Test
  void attributesAreSortedByOrder() {
    ServiceDefinition definition = new ServiceDefinition("PHF", List.of(WHERE, NOTICE));

    assertEquals(List.of(NOTICE, WHERE), definition.attributes());
  }

  @Test
  void missingAttributesAreAnEmptyList() {
    assertEquals(List.of(), new ServiceDefinition("PHB", null).attributes());
  }

  @Test
  void attributeIsFoundByItsExactCode() {
    ServiceDefinition definition = new ServiceDefinition("PHF", List.of(WHERE, NOTICE));

    assertEquals(WHERE, definition.attribute("WHERE").orElseThrow());
    assertTrue(definition.attribute("where").isEmpty());
  }

  @Test
  void valueIsFoundByKeyNotByName() {
    assertTrue(WHERE.value("STREET").isPresent());
    assertTrue(WHERE.value("In the street").isEmpty());
    assertEquals(List.of(), NOTICE.values());
  }

  @Test
  void locationHasCoordinatesOnlyWithBothOfThem() {
    assertTrue(new Location(41.88, -87.62, null, null).hasCoordinates());
    assertFalse(new Location(41.88, null, "1200 W Main St", null).hasCoordinates());
    assertFalse(new Location(null, null, null, "ADDR-42").hasCoordinates());
  }
}
