package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of GeoReport v2 {@code GET services}: a request type residents can file.
 *
 * @param metadata true when the service has a definition with attributes to fetch
 * @param keywords comma-separated tags, one string as the standard requires
 * @param group the one category name used to group types
 */
@JsonPropertyOrder({
  "service_code", "service_name", "description", "metadata", "type", "keywords", "group"
})
public record Service(
    String serviceCode,
    String serviceName,
    String description,
    boolean metadata,
    ServiceType type,
    String keywords,
    String group) {}
