package dev.open311.spec.format;

import dev.open311.spec.error.Open311Error;
import dev.open311.spec.model.AttributeAnswer;
import dev.open311.spec.model.AttributeValue;
import dev.open311.spec.model.ExtendedAttributes;
import dev.open311.spec.model.ExtendedServiceRequest;
import dev.open311.spec.model.ServiceRequestExtensions;
import dev.open311.spec.model.ServiceRequestNote;
import dev.open311.spec.model.ServiceRequestUpdate;
import dev.open311.spec.model.Datatype;
import dev.open311.spec.model.Discovery;
import dev.open311.spec.model.Endpoint;
import dev.open311.spec.model.Service;
import dev.open311.spec.model.ServiceAttribute;
import dev.open311.spec.model.ServiceDefinition;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.ServiceRequestReceipt;
import dev.open311.spec.model.ServiceType;
import dev.open311.spec.model.Status;
import dev.open311.spec.model.TokenStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** One instance of every representation, named as its golden files are. */
final class Documents {

  private Documents() {}

  static Map<String, Object> all() {
    return Map.ofEntries(
        Map.entry("discovery", discovery()),
        Map.entry("services", services()),
        Map.entry("service_definition", definition()),
        Map.entry("service_requests", serviceRequests()),
        Map.entry("post_receipt", new ReceiptList(List.of(new ServiceRequestReceipt("1234", null, "Usually patched within 7 days.", null)))),
        Map.entry("batch_receipt", new ReceiptList(List.of(new ServiceRequestReceipt(null, "6f1c7c1e", null, null)))),
        Map.entry("token", new TokenStatusList(List.of(new TokenStatus("1235", "6f1c7c1e")))),
        Map.entry("errors", new ErrorList(List.of(new Open311Error(400, "lat must be between -90 and 90"), new Open311Error(400, "service_code is required")))),
        Map.entry("empty_requests", new ServiceRequestList(List.of())),
        Map.entry("extended_service_requests", extendedServiceRequests()),
        Map.entry("service_request_updates", updates()));
  }

  static Discovery discovery() {
    return new Discovery(
        "2026-11-01T10:00:00Z",
        "Chicago 311",
        "Ask the operator",
        List.of(new Endpoint(Endpoint.GEOREPORT_V2, "http://localhost:8080/open311/v2", "2026-11-01T10:00:00Z", "production", List.of("text/xml", "application/json"))));
  }

  static ServiceList services() {
    return new ServiceList(
        List.of(
            new Service("PHF", "Pothole in Street Complaint", "Report a pothole", true, ServiceType.REALTIME, "pothole, street", "Streets & Transportation"),
            new Service("BBA", "Building Violation", "Report a building problem", false, ServiceType.BATCH, "building, heat", "Buildings & Housing")));
  }

  static ServiceDefinition definition() {
    return new ServiceDefinition(
        "PHF",
        List.of(
            new ServiceAttribute(true, "WHEREIST", Datatype.SINGLEVALUELIST, true, null, 2, "Where is the pothole?", List.of(new AttributeValue("STREET", "In the street"), new AttributeValue("ALLEY", "In the alley"))),
            new ServiceAttribute(false, "NOTICE", Datatype.STRING, false, null, 1, "Call 911 for emergencies.", List.of())));
  }

  /** Two requests: one with every extension (a multivaluelist answer, two areas, notes), one with none. */
  static ExtendedServiceRequestList extendedServiceRequests() {
    OffsetDateTime requested = OffsetDateTime.parse("2024-05-02T09:14:03-05:00");
    ServiceRequest first = serviceRequests().items().get(0);
    ServiceRequest second = new ServiceRequest("24-000124", Status.CLOSED, "Duplicate", "Pothole in Street Complaint", "PHF", null, "CDOT", null, requested, requested.plusDays(1), null, null, null, null, null, null, null);
    ServiceRequestExtensions full =
        new ServiceRequestExtensions(
            List.of(new AttributeAnswer("WHEREIST", Datatype.SINGLEVALUELIST, List.of("STREET")), new AttributeAnswer("WHERERAT", Datatype.MULTIVALUELIST, List.of("ALLEY", "YARD"))),
            new ExtendedAttributes("api", Map.of("ward", List.of("42"), "community_area", List.of("28")), false, null, null),
            List.of(
                new ServiceRequestNote("opened", requested, "Request opened", null, null),
                new ServiceRequestNote("follow_on_created", requested.plusHours(2), "Follow-on Inspect Public Way Created", "Inspect Public Way #24-000200 created for Transportation", Map.of("service_request_id", "24-000200"))));
    ServiceRequestExtensions closedDuplicate =
        new ServiceRequestExtensions(
            List.of(),
            new ExtendedAttributes("phone", Map.of(), true, "24-000123", requested.plusDays(1)),
            List.of(new ServiceRequestNote("closed", requested.plusDays(1), "Request closed", "Duplicate", null)));
    return new ExtendedServiceRequestList(
        List.of(new ExtendedServiceRequest(first, full), new ExtendedServiceRequest(second, closedDuplicate)));
  }

  static ServiceRequestUpdateList updates() {
    OffsetDateTime at = OffsetDateTime.parse("2024-05-02T09:14:03-05:00");
    return new ServiceRequestUpdateList(
        List.of(
            new ServiceRequestUpdate("81", "24-000123", Status.OPEN, at, "Request opened", null),
            new ServiceRequestUpdate("95", "24-000123", Status.CLOSED, at.plusDays(2), "Patched", "https://example.org/media/2.jpg")));
  }

  static ServiceRequestList serviceRequests() {
    OffsetDateTime requested = OffsetDateTime.parse("2024-05-02T09:14:03.456-05:00");
    return new ServiceRequestList(
        List.of(
            new ServiceRequest("24-000123", Status.OPEN, null, "Pothole in Street Complaint", "PHF", "Deep hole near the bus stop", "CDOT", null, requested, requested, requested.plusDays(7), "1200 W Main St", null, "60607", 41.881832, -87.623177, "https://example.org/media/1.jpg")));
  }
}
