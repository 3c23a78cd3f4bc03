package dev.open311.storage.repository;

import dev.open311.spec.model.AttributeAnswer;
import dev.open311.spec.model.Location;
import dev.open311.spec.model.NewServiceRequest;
import dev.open311.spec.model.Requester;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.spec.query.ServiceRequestQuery;
import java.time.Clock;
import java.util.List;

/** New service requests for tests. */
final class TestRequests {

  static final Location CITY_HALL = new Location(41.8837, -87.6320, "121 N LaSalle St", "A-17");

  private TestRequests() {}

  /** How many requests the first page of 50 of a jurisdiction's list holds. */
  static int onFirstPage(ServiceRequests requests, String jurisdictionId) {
    return requests
        .search(ServiceRequestQuery.builder(jurisdictionId).page(1, 50).build(Clock.systemUTC()))
        .requests()
        .size();
  }

  static NewServiceRequest anonymous(String jurisdictionId, String serviceCode) {
    return new NewServiceRequest(
        jurisdictionId,
        serviceCode,
        CITY_HALL,
        "Deep pothole",
        "https://img.example.org/1.jpg",
        Requester.ANONYMOUS,
        List.of());
  }

  static NewServiceRequest withAnswers(
      String jurisdictionId, String serviceCode, List<AttributeAnswer> answers) {
    return new NewServiceRequest(
        jurisdictionId, serviceCode, CITY_HALL, null, null, Requester.ANONYMOUS, answers);
  }

  static NewServiceRequest from(
      String jurisdictionId, String serviceCode, Requester requester, Location location) {
    return new NewServiceRequest(
        jurisdictionId, serviceCode, location, null, null, requester, List.of());
  }
}
