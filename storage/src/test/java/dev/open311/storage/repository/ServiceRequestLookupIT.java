package dev.open311.storage.repository;

import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.open311.spec.model.ServiceType;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET service request's own statement: by public id, within one jurisdiction only. */
@ExtendWith(SharedStorage.class)
class ServiceRequestLookupIT {

  private static final String OTHER = "other.example.org";

  private final Storage storage;
  private final ServiceRequests requests;

  ServiceRequestLookupIT(Storage storage, TestClock clock) {
    this.storage = storage;
    this.requests = storage.serviceRequests();
  }

  @Test
  void aRequestIsFoundOnlyInItsOwnJurisdiction() {
    storage.catalog().load(TestCatalogs.springfield());
    storage
        .catalog()
        .load(
            TestCatalogs.document(
                TestCatalogs.jurisdiction(
                    OTHER,
                    TestCatalogs.groups(),
                    TestCatalogs.service("PHF", "Pothole", null, ServiceType.REALTIME))));
    String ours = requests.file(TestRequests.anonymous(SPRINGFIELD, "PHF")).serviceRequestId();
    String theirs = requests.file(TestRequests.anonymous(OTHER, "PHF")).serviceRequestId();

    assertEquals(ours, requests.find(SPRINGFIELD, ours).orElseThrow().serviceRequestId());
    assertEquals("Pothole", requests.find(OTHER, theirs).orElseThrow().serviceName());
    assertTrue(requests.find(SPRINGFIELD, theirs).isEmpty());
    assertTrue(requests.find(OTHER, ours).isEmpty());
  }
}
