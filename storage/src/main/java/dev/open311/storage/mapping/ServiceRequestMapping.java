package dev.open311.storage.mapping;

import dev.open311.spec.model.AttributeAnswer;
import dev.open311.spec.model.Location;
import dev.open311.spec.model.NewServiceRequest;
import dev.open311.spec.model.Requester;
import dev.open311.spec.model.ServiceRequestReceipt;
import dev.open311.spec.model.ServiceType;
import dev.open311.spec.model.Status;
import dev.open311.spec.model.TokenStatus;
import dev.open311.storage.row.AnswerRow;
import dev.open311.storage.row.ContactRow;
import dev.open311.storage.row.ServiceRequestRow;
import dev.open311.storage.row.ServiceRow;
import dev.open311.storage.row.TokenRow;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A new service request to the rows that store it, and those back to what POST answers. */
public final class ServiceRequestMapping {

  /** The channel of requests filed through GeoReport POST. */
  public static final String API_CHANNEL = "api";

  private ServiceRequestMapping() {}

  /**
   * The request's public row. It copies the service's agency and notice as they are at filing time,
   * and sets {@code expected_at} from the service level (24-hour days).
   */
  public static ServiceRequestRow row(
      NewServiceRequest request, ServiceRow service, OffsetDateTime now, String token) {
    Location location = request.location();
    boolean coordinates = location.hasCoordinates();
    return new ServiceRequestRow(
        null,
        service.jurisdictionId(),
        service.id(),
        service.serviceCode(),
        Status.OPEN.wireName(),
        request.description(),
        service.agencyResponsible(),
        service.serviceNotice(),
        now,
        now,
        service.expectedDays() == null ? null : now.plusDays(service.expectedDays()),
        location.addressString(),
        location.addressId(),
        coordinates ? location.latitude() : null,
        coordinates ? location.longitude() : null,
        request.mediaUrl(),
        token,
        API_CHANNEL);
  }

  /** The requester's personal data, when any was given. */
  public static Optional<ContactRow> contact(long requestId, Requester requester) {
    if (requester == null
        || Stream.of(
                requester.email(),
                requester.phone(),
                requester.firstName(),
                requester.lastName(),
                requester.deviceId(),
                requester.accountId())
            .allMatch(field -> field == null)) {
      return Optional.empty();
    }
    return Optional.of(
        new ContactRow(
            requestId,
            requester.email(),
            requester.phone(),
            requester.firstName(),
            requester.lastName(),
            requester.deviceId(),
            requester.accountId()));
  }

  /** One row per value, numbered across the whole request so the order is kept. */
  public static List<AnswerRow> answers(long requestId, List<AttributeAnswer> answers) {
    List<AnswerRow> rows = new ArrayList<>();
    for (AttributeAnswer answer : answers) {
      for (String value : answer.values()) {
        rows.add(
            new AnswerRow(
                requestId, answer.code(), answer.datatype().wireName(), value, rows.size()));
      }
    }
    return rows;
  }

  /**
   * What POST answers, by service type: realtime gives the id, batch the token, blackbox neither.
   * {@code account_id} is never echoed.
   */
  public static ServiceRequestReceipt receipt(
      ServiceType type, String serviceRequestId, String token, String serviceNotice) {
    return switch (type) {
      case REALTIME -> new ServiceRequestReceipt(serviceRequestId, null, serviceNotice, null);
      case BATCH -> new ServiceRequestReceipt(null, token, serviceNotice, null);
      case BLACKBOX -> new ServiceRequestReceipt(null, null, serviceNotice, null);
    };
  }

  public static TokenStatus tokenStatus(TokenRow row) {
    return new TokenStatus(row.serviceRequestId(), row.token());
  }
}
