package dev.open311.spec.port;

import dev.open311.spec.model.NewServiceRequest;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.ServiceRequestReceipt;
import dev.open311.spec.model.ServiceRequestUpdate;
import dev.open311.spec.model.Status;
import dev.open311.spec.model.TokenStatus;
import dev.open311.spec.query.ServiceRequestPage;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.spec.query.UpdatesQuery;
import java.util.List;
import java.util.Optional;

/** Filed service requests. */
public interface ServiceRequests {

  /**
   * Files a validated request in one transaction: the request, its answers and (for batch
   * services) its token appear together or not at all.
   */
  ServiceRequestReceipt file(NewServiceRequest request);

  /** The requests a search selects, without extensions. */
  List<ServiceRequest> find(ServiceRequestQuery query);

  /**
   * The requests a search selects, with their extensions when the query asks for them and the
   * next harvest position when it is a harvest. Costs one statement, plus one each for notes,
   * answers and areas with extensions: never one per request.
   */
  ServiceRequestPage search(ServiceRequestQuery query);

  Optional<ServiceRequest> find(String jurisdictionId, String serviceRequestId);

  Optional<TokenStatus> token(String jurisdictionId, String token);

  /** Public notes as FixMyStreet's updates feed lists them. */
  List<ServiceRequestUpdate> updates(UpdatesQuery query);

  /**
   * An operator's change, in one transaction: a new status (setting {@code status_notes} to the
   * note, {@code updated_datetime} to now, and the closing time when closing) and/or a comment;
   * each writes a public note (type {@code closed}, {@code reopened} or {@code comment}).
   *
   * @param status the new status, or null to leave it
   * @param note the text shown with the change, or null
   * @return the request as it is afterwards
   * @throws dev.open311.spec.error.NotFoundException when the request does not exist
   * @throws dev.open311.spec.error.InvalidRequestException when neither a new status nor a note is
   *     given
   */
  ServiceRequest update(String jurisdictionId, String serviceRequestId, Status status, String note);
}
