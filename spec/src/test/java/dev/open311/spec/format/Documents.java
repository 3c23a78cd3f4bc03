package dev.open311.spec.format;

import dev.open311.spec.error.Open311Error;
import dev.open311.spec.model.AttributeValue;
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
    return Map.of(
        "discovery", discovery(),
        "services", services(),
        "service_definition", definition(),
        "service_requests", serviceRequests(),
        "post_receipt", new ReceiptList(List.of(new ServiceRequestReceipt("1234", null, "Usually patched within 7 days.", null))),
        "batch_receipt", new ReceiptList(List.of(new ServiceRequestReceipt(null, "6f1c7c1e", null, null))),
        "token", new TokenStatusList(List.of(new TokenStatus("1235", "6f1c7c1e"))),
        "errors", new ErrorList(List.of(new Open311Error(400, "lat must be between -90 and 90"), new Open311Error(400, "service_code is required"))),
        "empty_requests", new ServiceRequestList(List.of()));
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

  static ServiceRequestList serviceRequests() {
    OffsetDateTime requested = OffsetDateTime.parse("2024-05-02T09:14:03.456-05:00");
    return new ServiceRequestList(
        List.of(
            new ServiceRequest("24-000123", Status.OPEN, null, "Pothole in Street Complaint", "PHF", "Deep hole near the bus stop", "CDOT", null, requested, requested, requested.plusDays(7), "1200 W Main St", null, "60607", 41.881832, -87.623177, "https://example.org/media/1.jpg")));
  }
}
