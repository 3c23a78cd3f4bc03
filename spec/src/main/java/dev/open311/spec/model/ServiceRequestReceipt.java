package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code request} answered by GeoReport v2 {@code POST requests}: {@code service_request_id}
 * for realtime services, {@code token} for batch ones, never both.
 */
@JsonPropertyOrder({"service_request_id", "token", "service_notice", "account_id"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceRequestReceipt(
    String serviceRequestId, String token, String serviceNotice, String accountId) {}
