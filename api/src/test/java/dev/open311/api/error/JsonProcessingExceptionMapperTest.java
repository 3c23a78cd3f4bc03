package dev.open311.api.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which of Jackson's failures are the client's (reading its body) and which are ours. */
class JsonProcessingExceptionMapperTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aBodyThatIsNotJsonIsTheClients() {
    JsonProcessingException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            JsonProcessingException.class, () -> json.readTree("{not json"));
    assertTrue(JsonProcessingExceptionMapper.isReading(e));
  }

  @Test
  void aBodyOfTheWrongShapeIsTheClients() {
    JsonProcessingException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            JsonProcessingException.class, () -> json.readValue("[1]", Integer.class));
    assertTrue(JsonProcessingExceptionMapper.isReading(e));
  }

  @Test
  void anAnswerThatCannotBeWrittenIsOurs() {
    // Woodstox by default refuses a control character it cannot write in XML 1.0.
    JsonProcessingException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            JsonProcessingException.class,
            () -> new XmlMapper().writeValueAsString(Map.of("text", "bell \u0007")));
    assertFalse(JsonProcessingExceptionMapper.isReading(e));
    assertFalse(
        JsonProcessingExceptionMapper.isReading(
            new JsonGenerationException("x", (JsonGenerator) null)));
  }
}
