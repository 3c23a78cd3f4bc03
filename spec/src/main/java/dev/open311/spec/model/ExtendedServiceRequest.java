package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A {@code request} of GET requests with {@code extensions=true}: the standard fields, in the
 * standard's order, followed by {@code attributes}, {@code extended_attributes} and {@code notes}.
 */
public record ExtendedServiceRequest(
    @JsonUnwrapped ServiceRequest request, @JsonUnwrapped ServiceRequestExtensions extensions) {}
