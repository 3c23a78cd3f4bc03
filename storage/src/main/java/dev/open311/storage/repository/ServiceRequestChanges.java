package dev.open311.storage.repository;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.model.Status;
import dev.open311.storage.dao.ServiceRequestChangeDao;
import dev.open311.storage.dao.ServiceRequestChangeDao.KeyAndStatus;
import dev.open311.storage.dao.ServiceRequestDao;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Handle;

/**
 * An operator's status change or comment: the request and its public note change together, in the
 * caller's transaction. The row is locked first, so of two operators closing it at once one
 * closes it and the other is told it is already closed.
 */
final class ServiceRequestChanges {

  private ServiceRequestChanges() {}

  /**
   * @throws NotFoundException when no such request exists
   * @throws InvalidRequestException when there is nothing to change
   */
  static void apply(
      Handle handle,
      Clock clock,
      String jurisdictionId,
      String serviceRequestId,
      Status status,
      String note) {
    ServiceRequestChangeDao changes = handle.attach(ServiceRequestChangeDao.class);
    KeyAndStatus current =
        changes
            .lock(jurisdictionId, serviceRequestId)
            .orElseThrow(() -> NotFoundException.serviceRequest(serviceRequestId));
    String text = note == null || note.isBlank() ? null : note.strip();
    boolean statusChange = status != null && !status.wireName().equals(current.status());
    if (!statusChange && text == null) {
      throw new InvalidRequestException(
          status == null
              ? "give a new status, a note, or both"
              : "request " + serviceRequestId + " is already " + current.status()
                  + ": give a note to comment on it");
    }
    OffsetDateTime now = Timestamps.now(clock);
    ServiceRequestDao notes = handle.attach(ServiceRequestDao.class);
    if (statusChange) {
      changes.changeStatus(current.id(), status.wireName(), text, now);
      boolean closing = status == Status.CLOSED;
      notes.insertNote(
          current.id(),
          closing ? "closed" : "reopened",
          status.wireName(),
          now,
          closing ? "Request closed" : "Request reopened",
          text);
    } else {
      changes.touch(current.id(), now);
      notes.insertNote(current.id(), "comment", null, now, "Comment", text);
    }
  }
}
