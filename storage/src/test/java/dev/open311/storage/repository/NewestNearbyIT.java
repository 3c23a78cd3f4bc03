package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.model.Location;
import dev.open311.spec.model.Requester;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.Status;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.spec.query.ServiceRequestQueryBuilder;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Newest-first searches in a small circle or box (read cell by cell down to a time bound) answer
 * exactly what reading every request and sorting would: random requests, some filed at the same
 * instant, some closed, against random circles, boxes and pages, checked row by row.
 */
@ExtendWith(SharedStorage.class)
class NewestNearbyIT {

  private static final int REQUESTS = 700;

  private final Storage storage;
  private final ServiceRequests requests;
  private final TestClock clock;

  NewestNearbyIT(Storage storage, TestClock clock) {
    this.storage = storage;
    this.requests = storage.serviceRequests();
    this.clock = clock;
  }

  /** A filed request as the test knows it; filed later means a larger id. */
  private record Filed(String id, double latitude, double longitude, long second, int order,
      boolean closed) {}

  @Test
  void everyAreaAndPageMatchesTheRequestsSortedByHand() {
    storage.catalog().load(TestCatalogs.springfield());
    Random random = new Random(311);
    List<Filed> filed = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      // every fourth request at the same instant as the one before: ties broken by id
      if (i % 4 != 0) {
        clock.advance(Duration.ofSeconds(1 + random.nextInt(600)));
      }
      // denser near the middle, out to 900 m
      Location at = Places.around(random.nextDouble() * 360, 900 * Math.pow(random.nextDouble(), 1.5));
      String id =
          requests
              .file(TestRequests.from(SPRINGFIELD, "PHF", Requester.ANONYMOUS, at))
              .serviceRequestId();
      boolean closed = random.nextInt(3) == 0;
      if (closed) {
        requests.update(SPRINGFIELD, id, Status.CLOSED, null);
      }
      filed.add(
          new Filed(id, at.latitude(), at.longitude(), clock.instant().getEpochSecond(), i, closed));
    }

    int checked = 0;
    for (int i = 0; i < 60; i++) {
      Location center = Places.around(random.nextDouble() * 360, 600 * random.nextDouble());
      double radius = List.of(15.0, 120.0, 300.0, 500.0, 800.0).get(random.nextInt(5));
      Circle circle = new Circle(center.latitude(), center.longitude(), radius);
      BoundingBox box = null;
      if (i % 3 == 1) {
        double halfHeight = 0.001 + random.nextDouble() * 0.006;
        double halfWidth = 0.001 + random.nextDouble() * 0.008;
        box = new BoundingBox(center.longitude() - halfWidth, center.latitude() - halfHeight,
            center.longitude() + halfWidth, center.latitude() + halfHeight);
      }
      boolean circleToo = i % 3 != 1 || i % 2 == 0;
      boolean closedOnly = i % 5 == 4;
      int pageSize = List.of(1, 7, 20, 50).get(random.nextInt(4));
      int page = 1 + random.nextInt(3);

      ServiceRequestQueryBuilder builder = ServiceRequestQuery.builder(SPRINGFIELD).page(page, pageSize);
      Predicate<Filed> wanted = f -> true;
      if (circleToo) {
        builder.near(circle);
        wanted = wanted.and(f -> Circle.distanceMeters(circle.latitude(), circle.longitude(),
            f.latitude(), f.longitude()) <= radius);
      }
      if (box != null) {
        BoundingBox b = box;
        builder.bbox(b);
        wanted = wanted.and(f -> f.longitude() >= b.minLongitude() && f.longitude() <= b.maxLongitude()
            && f.latitude() >= b.minLatitude() && f.latitude() <= b.maxLatitude());
      }
      if (closedOnly) {
        builder.statuses(Set.of(Status.CLOSED));
        wanted = wanted.and(Filed::closed);
      }
      List<String> expected =
          filed.stream()
              .filter(wanted)
              .sorted(Comparator.comparingLong(Filed::second).thenComparingInt(Filed::order).reversed())
              .skip((long) (page - 1) * pageSize)
              .limit(pageSize)
              .map(Filed::id)
              .toList();
      List<String> found =
          requests.find(builder.build(clock)).stream().map(ServiceRequest::serviceRequestId).toList();

      assertEquals(expected, found, "search " + i + ": " + circle + " " + box + " page " + page
          + " of " + pageSize + (closedOnly ? " closed" : ""));
      checked += expected.size();
    }
    assertTrue(checked > 300, "the searches found enough to compare: " + checked);
  }
}
