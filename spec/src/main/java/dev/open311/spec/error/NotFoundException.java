package dev.open311.spec.error;

import java.util.List;

/** 404: the named resource (service, request, token, jurisdiction, path) does not exist. */
public class NotFoundException extends Open311Exception {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String description) {
    super(404, List.of(description));
  }

  public static NotFoundException service(String serviceCode) {
    return new NotFoundException("service_code " + serviceCode + " was not found");
  }

  public static NotFoundException serviceRequest(String serviceRequestId) {
    return new NotFoundException("service_request_id " + serviceRequestId + " was not found");
  }

  public static NotFoundException token(String token) {
    return new NotFoundException("token " + token + " was not found");
  }

  public static NotFoundException jurisdiction(String jurisdictionId) {
    return new NotFoundException("jurisdiction_id " + jurisdictionId + " was not found");
  }
}
