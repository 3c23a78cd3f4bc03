package dev.open311.spec.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.Status;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written request writer writes byte for byte what the bean serializer writes. */
class ServiceRequestJsonSerializerTest {

  private static final String[] TEXTS = {
    "Pothole in the curb lane", "quote \" backslash \\ slash / tab \t newline \n", "Ærø ünïcødé 🚧",
    "<b>&amp;</b>", "", "\u0001 control", "41.88"
  };

  private final ObjectMapper fast = Open311Mappers.json();
  private final ObjectMapper bean = Open311Mappers.beanJson().build();

  @Test
  void pagesOfRandomRequestsAreWrittenAsTheBeanSerializerWritesThem() throws Exception {
    Random random = new Random(311);
    for (int page = 0; page < 50; page++) {
      List<ServiceRequest> requests = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        requests.add(request(random));
      }
      ServiceRequestList list = new ServiceRequestList(requests);

      assertEquals(bean.writeValueAsString(list), fast.writeValueAsString(list));
      assertEquals(
          bean.writeValueAsString(requests.get(0)), fast.writeValueAsString(requests.get(0)));
    }
  }

  @Test
  void theFastWriterIsTheOneInUse() throws Exception {
    // a writer that were not registered would leave this test comparing the bean writer to itself
    assertEquals(
        ServiceRequestJsonSerializer.class,
        fast.getSerializerProviderInstance()
            .findValueSerializer(ServiceRequest.class)
            .getClass());
  }

  private static ServiceRequest request(Random random) {
    return new ServiceRequest(
        Integer.toString(random.nextInt(20_000_000)),
        random.nextBoolean() ? Status.OPEN : Status.CLOSED,
        text(random),
        text(random),
        text(random),
        text(random),
        text(random),
        text(random),
        datetime(random),
        datetime(random),
        datetime(random),
        text(random),
        text(random),
        text(random),
        random.nextInt(5) == 0 ? null : 41.6 + random.nextDouble() / 2,
        random.nextInt(5) == 0 ? null : -87.9 + random.nextDouble() / 2,
        text(random));
  }

  private static String text(Random random) {
    return random.nextInt(4) == 0 ? null : TEXTS[random.nextInt(TEXTS.length)];
  }

  private static OffsetDateTime datetime(Random random) {
    if (random.nextInt(4) == 0) {
      return null;
    }
    return Instant.ofEpochSecond(1_300_000_000L + random.nextInt(500_000_000), random.nextInt(1000))
        .atZone(ZoneId.of(random.nextBoolean() ? "America/Chicago" : "UTC"))
        .toOffsetDateTime();
  }
}
