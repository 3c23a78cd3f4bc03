package dev.open311.storage.mapping;

import dev.open311.spec.model.ServiceRequestReceipt;
import dev.open311.spec.model.ServiceType;
import dev.open311.spec.model.TokenStatus;
import dev.open311.storage.row.TokenRow;

/** Stored service requests to what POST and GET tokens answer. */
public final class ServiceRequestMapping {

  /** The channel of requests filed through GeoReport POST. */
  public static final String API_CHANNEL = "api";

  private ServiceRequestMapping() {}

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
