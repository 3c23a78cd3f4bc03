package dev.open311.spec.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.error.Open311Error;
import dev.open311.spec.format.W3cDates;
import dev.open311.spec.model.AttributeAnswer;
import dev.open311.spec.model.AttributeValue;
import dev.open311.spec.model.Datatype;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.model.NewServiceRequest;
import dev.open311.spec.model.Requester;
import dev.open311.spec.model.ServiceAttribute;
import dev.open311.spec.model.ServiceDefinition;
import dev.open311.spec.model.ServiceRequestForm;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST requests validation (digest §1.3, §2, §4.2): one 400 listing every problem. */
class ServiceRequestRulesTest {

  private static final Jurisdiction CHICAGO =
      new Jurisdiction(
          "cityofchicago.org", "City of Chicago", ZoneId.of("America/Chicago"), null, null);

  /** A pothole-like service asking one of each kind of question. */
  private static final ServiceDefinition DEFINITION =
      new ServiceDefinition(
          "PHF",
          List.of(
              attribute(false, "NOTICE", Datatype.STRING, false, 1),
              list("WHERE", Datatype.SINGLEVALUELIST, true, 2, "STREET", "ALLEY", "SIDEWALK"),
              list("LANE", Datatype.SINGLEVALUELIST, false, 3, "LEFT", "RIGHT"),
              list("COND", Datatype.MULTIVALUELIST, false, 4, "DEEP", "WIDE", "WET"),
              attribute(true, "SIZE", Datatype.NUMBER, false, 5),
              attribute(true, "SEEN", Datatype.DATETIME, false, 6),
              attribute(true, "NOTE", Datatype.STRING, false, 7),
              attribute(true, "DETAILS", Datatype.TEXT, false, 8)));

  private static final Requester JANE =
      new Requester("jane@example.org", "312-555-0100", "Jane", "Doe", "device-1", "acct-9");

  // location

  @Test
  void acceptsLatitudeAndLongitude() {
    NewServiceRequest request = validate(form().lat("41.881832").lon("-87.623177"));

    assertEquals(41.881832, request.location().latitude());
    assertEquals(-87.623177, request.location().longitude());
    assertTrue(request.location().hasCoordinates());
    assertNull(request.location().addressString());
  }

  @Test
  void acceptsAnAddressStringAlone() {
    NewServiceRequest request = validate(form().lat(null).lon(null).address("1200 W Main St"));

    assertEquals("1200 W Main St", request.location().addressString());
    assertFalse(request.location().hasCoordinates());
  }

  @Test
  void acceptsAnAddressIdAlone() {
    NewServiceRequest request = validate(form().lat(null).lon(null).addressId("ADDR-42"));

    assertEquals("ADDR-42", request.location().addressId());
    assertFalse(request.location().hasCoordinates());
  }

  @Test
  void acceptsCoordinatesOnTheLimits() {
    NewServiceRequest request = validate(form().lat("-90").lon("180"));

    assertEquals(-90.0, request.location().latitude());
    assertEquals(180.0, request.location().longitude());
  }

  @Test
  void refusesARequestWithoutAnyLocation() {
    InvalidRequestException e = refused(form().lat(null).lon(null));

    assertEquals(400, e.status());
    assertOneProblemMentioning(e, "location");
  }

  @Test
  void refusesALatitudeWithoutALongitude() {
    InvalidRequestException e = refused(form().lon(null));

    assertHasProblemMentioning(e, "lat and long");
  }

  @Test
  void refusesALatitudeWithoutALongitudeEvenWithAnAddress() {
    InvalidRequestException e = refused(form().lon(null).address("1200 W Main St"));

    assertOneProblemMentioning(e, "lat and long");
  }

  @Test
  void refusesALatitudeBeyondNinety() {
    assertOneProblemMentioning(refused(form().lat("95")), "lat");
  }

  @Test
  void refusesALongitudeBeyondOneHundredEighty() {
    assertOneProblemMentioning(refused(form().lon("-200")), "long");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "NaN", "Infinity", "41,88", ""})
  void refusesALatitudeThatIsNotADecimalInRange(String latitude) {
    assertOneProblemMentioning(refused(form().lat(latitude)), "lat");
  }

  // description and media_url

  @Test
  void acceptsADescriptionOfFourThousandCharacters() {
    String description = "a".repeat(ServiceRequestRules.MAX_DESCRIPTION);

    assertEquals(description, validate(form().description(description)).description());
  }

  @Test
  void refusesADescriptionOfFourThousandAndOneCharacters() {
    String description = "a".repeat(ServiceRequestRules.MAX_DESCRIPTION + 1);

    assertOneProblemMentioning(refused(form().description(description)), "description");
  }

  @Test
  void countsDescriptionLengthInCodePointsNotUtf16Units() {
    String emoji = "\uD83D\uDD73"; // U+1F573 HOLE, two UTF-16 units
    String description = emoji.repeat(ServiceRequestRules.MAX_DESCRIPTION);

    assertEquals(8000, description.length());
    assertEquals(description, validate(form().description(description)).description());
    assertOneProblemMentioning(refused(form().description(description + emoji)), "description");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.org/media/1.jpg",
        "http://example.org/photo?id=7",
        "HTTPS://EXAMPLE.ORG/A.PNG"
      })
  void acceptsAnAbsoluteHttpMediaUrl(String url) {
    assertEquals(url, validate(form().mediaUrl(url)).mediaUrl());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/media/1.jpg",
        "media/1.jpg",
        "ftp://example.org/1.jpg",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "http:///no-host.jpg",
        "not a url"
      })
  void refusesAMediaUrlThatIsNotAbsoluteHttp(String url) {
    assertOneProblemMentioning(refused(form().mediaUrl(url)), "media_url");
  }

  // several problems at once

  @Test
  void reportsEveryProblemInOneInvalidRequest() {
    InvalidRequestException e =
        refused(
            form()
                .lat(null)
                .lon(null)
                .description("x".repeat(ServiceRequestRules.MAX_DESCRIPTION + 1))
                .mediaUrl("ftp://example.org/1.jpg")
                .answer("WHERE", (String) null)
                .answer("SIZE", "big"));

    assertEquals(400, e.status());
    List<Open311Error> errors = e.errors();
    assertEquals(5, errors.size(), errors::toString);
    assertTrue(errors.stream().allMatch(error -> error.code() == 400));
    assertHasProblemMentioning(e, "location");
    assertHasProblemMentioning(e, "description");
    assertHasProblemMentioning(e, "media_url");
    assertHasProblemMentioning(e, "attribute[WHERE]");
    assertHasProblemMentioning(e, "attribute[SIZE]");
  }

  // attributes: required and lists

  @Test
  void refusesAMissingRequiredAttributeNamingItsCode() {
    InvalidRequestException e = refused(form().answer("WHERE", (String) null));

    assertOneProblemMentioning(e, "attribute[WHERE]");
  }

  @Test
  void refusesABlankAnswerToARequiredAttribute() {
    assertOneProblemMentioning(refused(form().answer("WHERE", " ")), "attribute[WHERE]");
  }

  @Test
  void treatsABlankAnswerToAnOptionalSingleValueListAsNotAnswered() {
    NewServiceRequest request = validate(form().answer("LANE", ""));

    assertTrue(answer(request, "LANE").isEmpty());
  }

  @Test
  void keepsAListedKeyOfASingleValueList() {
    NewServiceRequest request = validate(form().answer("LANE", "LEFT"));

    AttributeAnswer lane = answer(request, "LANE").orElseThrow();
    assertEquals(Datatype.SINGLEVALUELIST, lane.datatype());
    assertEquals(List.of("LEFT"), lane.values());
  }

  @Test
  void refusesAListValueThatIsNotAKey() {
    assertOneProblemMentioning(refused(form().answer("WHERE", "ROOF")), "attribute[WHERE]");
  }

  @Test
  void refusesAListValueMatchingOnlyAValueName() {
    ServiceDefinition named =
        new ServiceDefinition(
            "PHF",
            List.of(
                new ServiceAttribute(
                    true,
                    "WHERE",
                    Datatype.SINGLEVALUELIST,
                    true,
                    null,
                    1,
                    "Where?",
                    List.of(new AttributeValue("STREET", "In the street")))));
    ServiceRequestForm form = form().answer("WHERE", "In the street").build();

    assertThrows(
        InvalidRequestException.class, () -> ServiceRequestRules.validate(form, named, CHICAGO));
  }

  @Test
  void refusesTwoValuesForASingleValueList() {
    assertOneProblemMentioning(
        refused(form().answer("WHERE", "STREET", "ALLEY")), "attribute[WHERE]");
  }

  @Test
  void keepsEveryKeyOfAMultiValueListOnceInTheOrderGiven() {
    NewServiceRequest request = validate(form().answer("COND", "WET", "DEEP", "WET", "WIDE"));

    assertEquals(List.of("WET", "DEEP", "WIDE"), answer(request, "COND").orElseThrow().values());
  }

  @Test
  void refusesAMultiValueListWhenOneValueIsNotAKey() {
    assertOneProblemMentioning(
        refused(form().answer("COND", "DEEP", "SHALLOW")), "attribute[COND]");
  }
  @Test
  void deduplicatesMultiValueListKeysAfterTrimming() {
    NewServiceRequest request = validate(form().answer("COND", "DEEP", " DEEP"));

    assertEquals(List.of("DEEP"), answer(request, "COND").orElseThrow().values());
  }

  // attributes: numbers, datetimes, text

  @Test
  void normalisesANumberWithTrailingZeros() {
    assertEquals(
        List.of("12.5"),
        answer(validate(form().answer("SIZE", "12.50")), "SIZE").orElseThrow().values());
  }

  @Test
  void normalisesANumberInExponentNotationToPlainDigits() {
    assertEquals(
        List.of("100"),
        answer(validate(form().answer("SIZE", "1e2")), "SIZE").orElseThrow().values());
  }

  @Test
  void keepsTheDigitsOfAWholeNumber() {
    assertEquals(
        List.of("100"),
        answer(validate(form().answer("SIZE", " 100 ")), "SIZE").orElseThrow().values());
  }

  @ParameterizedTest
  @ValueSource(strings = {"big", "12,5", "NaN", "0x10", "12 cm"})
  void refusesANumberThatIsNotNumeric(String value) {
    assertOneProblemMentioning(refused(form().answer("SIZE", value)), "attribute[SIZE]");
  }
  @Test
  void refusesANumberWhosePlainFormIsHuge() {
    assertOneProblemMentioning(refused(form().answer("SIZE", "1e1000000")), "attribute[SIZE]");
  }

  @Test
  void normalisesADatetimeToW3cSeconds() {
    NewServiceRequest request = validate(form().answer("SEEN", "2024-05-02T09:14:03.789-05:00"));

    assertEquals(
        List.of("2024-05-02T09:14:03-05:00"), answer(request, "SEEN").orElseThrow().values());
  }

  @Test
  void keepsTheInstantOfADatetimeGivenInAnotherOffset() {
    NewServiceRequest request = validate(form().answer("SEEN", "2024-05-02t14:14:03z"));

    String value = answer(request, "SEEN").orElseThrow().values().get(0);
    assertTrue(
        value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})"), value);
    assertEquals(
        OffsetDateTime.parse("2024-05-02T14:14:03Z").toInstant(),
        W3cDates.parse(value, CHICAGO.timeZone()).orElseThrow().toInstant());
  }

  @Test
  void readsADateOnlyAnswerAsMidnightInTheJurisdictionZone() {
    NewServiceRequest winter = validate(form().answer("SEEN", "2024-01-15"));
    NewServiceRequest summer = validate(form().answer("SEEN", "2024-07-15"));

    assertEquals(
        List.of("2024-01-15T00:00:00-06:00"), answer(winter, "SEEN").orElseThrow().values());
    assertEquals(
        List.of("2024-07-15T00:00:00-05:00"), answer(summer, "SEEN").orElseThrow().values());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2024-02-30T00:00:00Z", "2024-05-02T09:14:03"})
  void refusesADatetimeAnswerThatIsNotW3c(String value) {
    assertOneProblemMentioning(refused(form().answer("SEEN", value)), "attribute[SEEN]");
  }

  @Test
  void keepsAStringAnswerAsGiven() {
    NewServiceRequest request = validate(form().answer("NOTE", "  by the bus stop "));

    AttributeAnswer note = answer(request, "NOTE").orElseThrow();
    assertEquals(Datatype.STRING, note.datatype());
    assertEquals(List.of("  by the bus stop "), note.values());
  }

  @Test
  void refusesATextAnswerLongerThanFourThousandCharacters() {
    assertOneProblemMentioning(
        refused(form().answer("DETAILS", "d".repeat(4001))), "attribute[DETAILS]");
  }

  @Test
  void ignoresAnswersToInformationalAttributes() {
    NewServiceRequest request = validate(form().answer("NOTICE", "I read it"));

    assertTrue(answer(request, "NOTICE").isEmpty());
  }

  @Test
  void ignoresAnswersToUnknownAttributeCodes() {
    NewServiceRequest request = validate(form().answer("NOSUCH", "whatever"));

    assertTrue(answer(request, "NOSUCH").isEmpty());
    assertEquals(List.of("WHERE"), request.answers().stream().map(AttributeAnswer::code).toList());
  }

  @Test
  void returnsAnswersInDefinitionOrder() {
    NewServiceRequest request =
        validate(form().answer("SIZE", "3").answer("LANE", "RIGHT").answer("COND", "WET"));

    assertEquals(
        List.of("WHERE", "LANE", "COND", "SIZE"),
        request.answers().stream().map(AttributeAnswer::code).toList());
  }

  // what the validated request carries

  @Test
  void carriesTheResolvedJurisdictionIdNotTheOneTyped() {
    NewServiceRequest request = validate(form().jurisdictionId("CityOfChicago.ORG"));

    assertEquals("cityofchicago.org", request.jurisdictionId());
    assertEquals("PHF", request.serviceCode());
  }

  @Test
  void carriesTheRequester() {
    assertEquals(JANE, validate(form().requester(JANE)).requester());
  }

  @Test
  void carriesAnAnonymousRequesterWhenNoneIsGiven() {
    assertSame(Requester.ANONYMOUS, validate(form().requester(null)).requester());
  }

  @Test
  void refusesARequesterFieldLongerThanTheShortFieldLimit() {
    Requester longEmail =
        new Requester("a".repeat(250) + "@example.org", null, null, null, null, null);

    assertOneProblemMentioning(refused(form().requester(longEmail)), "email");
  }

  // characters a text field cannot hold

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001F", "\uFFFE", "\uFFFF", "\uD800"
      })
  void refusesACharacterXmlCannotCarryNamingIt(String character) {
    InvalidRequestException e = refused(form().description("a" + character + "b"));

    assertEquals(
        List.of(
            "description must not contain the character U+%04X"
                .formatted((int) character.charAt(0))),
        e.errors().stream().map(Open311Error::description).toList());
  }

  @Test
  void keepsTabsLineBreaksAndCharactersBeyondTheBasicPlane() {
    String description = "line one\r\nline two\ttabbed \uD83D\uDD73 \u007F \u00A0";

    assertEquals(description, validate(form().description(description)).description());
  }

  @Test
  void refusesControlCharactersInEveryTextField() {
    Requester nul =
        new Requester("a\u0000@x.org", "1\u0000", "J\u0000", "D\u0000", "d\u0000", "a\u0000");
    InvalidRequestException e =
        refused(form().requester(nul).answer("NOTE", "by the\u0007 stop"));

    assertEquals(7, e.errors().size(), e.errors()::toString);
    for (String field :
        List.of("email", "phone", "first_name", "last_name", "device_id", "account_id",
            "attribute[NOTE]")) {
      assertHasProblemMentioning(e, field + " must not contain the character U+");
    }
  }

  // helpers

  private static NewServiceRequest validate(FormBuilder form) {
    return ServiceRequestRules.validate(form.build(), DEFINITION, CHICAGO);
  }

  private static InvalidRequestException refused(FormBuilder form) {
    ServiceRequestForm built = form.build();
    return assertThrows(
        InvalidRequestException.class,
        () -> ServiceRequestRules.validate(built, DEFINITION, CHICAGO));
  }

  private static Optional<AttributeAnswer> answer(NewServiceRequest request, String code) {
    return request.answers().stream().filter(a -> a.code().equals(code)).findFirst();
  }

  private static void assertOneProblemMentioning(InvalidRequestException e, String text) {
    assertEquals(1, e.errors().size(), e.errors()::toString);
    assertHasProblemMentioning(e, text);
  }

  private static void assertHasProblemMentioning(InvalidRequestException e, String text) {
    assertTrue(
        e.errors().stream().anyMatch(error -> error.description().contains(text)),
        () -> "no problem mentions " + text + " in " + e.errors());
  }

  private static ServiceAttribute attribute(
      boolean variable, String code, Datatype datatype, boolean required, int order) {
    return new ServiceAttribute(
        variable, code, datatype, required, null, order, "Question " + code, List.of());
  }

  private static ServiceAttribute list(
      String code, Datatype datatype, boolean required, int order, String... keys) {
    List<AttributeValue> values =
        List.of(keys).stream().map(k -> new AttributeValue(k, "Name of " + k)).toList();
    return new ServiceAttribute(
        true, code, datatype, required, null, order, "Question " + code, values);
  }

  private static FormBuilder form() {
    return new FormBuilder();
  }

  /** A valid form for {@link #DEFINITION}, changed one field at a time. */
  private static final class FormBuilder {
    private String jurisdictionId = "cityofchicago.org";
    private String lat = "41.881832";
    private String lon = "-87.623177";
    private String address;
    private String addressId;
    private String description = "Deep hole near the bus stop";
    private String mediaUrl;
    private Requester requester;
    private final Map<String, List<String>> answers =
        new HashMap<>(Map.of("WHERE", List.of("STREET")));

    FormBuilder jurisdictionId(String value) {
      jurisdictionId = value;
      return this;
    }

    FormBuilder lat(String value) {
      lat = value;
      return this;
    }

    FormBuilder lon(String value) {
      lon = value;
      return this;
    }

    FormBuilder address(String value) {
      address = value;
      return this;
    }

    FormBuilder addressId(String value) {
      addressId = value;
      return this;
    }

    FormBuilder description(String value) {
      description = value;
      return this;
    }

    FormBuilder mediaUrl(String value) {
      mediaUrl = value;
      return this;
    }

    FormBuilder requester(Requester value) {
      requester = value;
      return this;
    }

    /** Sets the values given for one attribute code; a single null removes the answer. */
    FormBuilder answer(String code, String... values) {
      if (values.length == 1 && values[0] == null) {
        answers.remove(code);
      } else {
        answers.put(code, List.of(values));
      }
      return this;
    }

    ServiceRequestForm build() {
      return new ServiceRequestForm(
          jurisdictionId,
          "PHF",
          lat,
          lon,
          address,
          addressId,
          description,
          mediaUrl,
          requester,
          answers);
    }
  }
}
