package dev.open311.spec.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The JSON mapper's fast double writer reads back as the very double it was given. */
class CoordinateWritingTest {

  @Test
  void everyCoordinateReadsBackExactly() throws Exception {
    ObjectMapper json = Open311Mappers.json();
    Random random = new Random(311);
    for (int i = 0; i < 200_000; i++) {
      double latitude = -90 + 180 * random.nextDouble();
      double rounded = Math.round(latitude * 1e6) / 1e6;
      for (double value : new double[] {latitude, rounded, -rounded / 1000, rounded * 1e7}) {
        String written = json.writeValueAsString(value);
        assertEquals(value, Double.parseDouble(written), written);
      }
    }
    assertEquals("41.881832", json.writeValueAsString(41.881832));
    assertEquals("-87.623177", json.writeValueAsString(-87.623177));
    assertEquals("-1.0", json.writeValueAsString(-1.0));
  }
}
