package dev.open311.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The standard's vocabularies: status, service type and attribute datatype as written on the wire.
 */
class WireNamesTest {

  // status

  @Test
  void statusWireNamesAreOpenAndClosed() {
    assertEquals(
        List.of("open", "closed"), Arrays.stream(Status.values()).map(Status::wireName).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"open", "OPEN", "Open", " open "})
  void statusParseReadsOpenInAnyCase(String value) {
    assertEquals(Optional.of(Status.OPEN), Status.parse(value));
  }

  @Test
  void statusParseReadsClosed() {
    assertEquals(Optional.of(Status.CLOSED), Status.parse("closed"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"pending", "in_progress", "opened", "", "open,closed"})
  void statusParseFindsNothingForOtherWords(String value) {
    assertTrue(Status.parse(value).isEmpty());
  }

  @Test
  void statusFromWireRefusesAnUnknownStatusNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Status.fromWire("fixed"));

    assertTrue(e.getMessage().contains("fixed"));
  }

  // service type

  @Test
  void serviceTypeWireNamesAreRealtimeBatchAndBlackbox() {
    assertEquals(
        List.of("realtime", "batch", "blackbox"),
        Arrays.stream(ServiceType.values()).map(ServiceType::wireName).toList());
  }

  @Test
  void serviceTypeFromWireReadsEveryWireNameBack() {
    for (ServiceType type : ServiceType.values()) {
      assertEquals(type, ServiceType.fromWire(type.wireName()));
    }
  }

  @Test
  void serviceTypeFromWireIgnoresCaseAndSpaces() {
    assertEquals(ServiceType.BATCH, ServiceType.fromWire(" Batch "));
  }

  @Test
  void serviceTypeFromWireRefusesOtherWords() {
    assertThrows(IllegalArgumentException.class, () -> ServiceType.fromWire("weekly"));
  }

  // datatype

  @Test
  void datatypeWireNamesAreTheStandardsSix() {
    assertEquals(
        List.of("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"),
        Arrays.stream(Datatype.values()).map(Datatype::wireName).toList());
  }

  @Test
  void datatypeFromWireReadsEveryWireNameBack() {
    for (Datatype datatype : Datatype.values()) {
      assertEquals(datatype, Datatype.fromWire(datatype.wireName()));
    }
    assertEquals(Datatype.MULTIVALUELIST, Datatype.fromWire("MultiValueList"));
  }

  @Test
  void datatypeFromWireRefusesOtherWords() {
    assertThrows(IllegalArgumentException.class, () -> Datatype.fromWire("integer"));
  }

  @Test
  void onlyTheTwoListDatatypesAreLists() {
    assertEquals(
        List.of(Datatype.SINGLEVALUELIST, Datatype.MULTIVALUELIST),
        Arrays.stream(Datatype.values()).filter(Datatype::isList).toList());
    assertFalse(Datatype.STRING.isList());
  }
}
