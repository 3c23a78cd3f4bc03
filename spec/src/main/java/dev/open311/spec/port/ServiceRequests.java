package dev.open311.spec.port;

import dev.open311.spec.model.NewServiceRequest;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.ServiceRequestReceipt;
import dev.open311.spec.model.TokenStatus;
import dev.open311.spec.query.ServiceRequestQuery;
import java.util.List;
import java.util.Optional;

/** Filed service requests. */
public interface ServiceRequests {

  /**
   * Files a validated request in one transaction: the request, its answers and (for batch
   * services) its token appear together or not at all.
   */
  ServiceRequestReceipt file(NewServiceRequest request);

  List<ServiceRequest> find(ServiceRequestQuery query);

  Optional<ServiceRequest> find(String jurisdictionId, String serviceRequestId);

  Optional<TokenStatus> token(String jurisdictionId, String token);
}
