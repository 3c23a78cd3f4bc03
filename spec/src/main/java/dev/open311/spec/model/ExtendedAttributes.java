package dev.open311.spec.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request's {@code extended_attributes} ({@code extensions=true}), with Chicago's names: {@code
 * channel}, one entry per area type the request lies in (e.g. {@code ward}, {@code
 * community_area}, {@code police_district}: the area's key, or a list when several areas of one
 * type contain it), {@code duplicate}, {@code parent_service_request_id} and {@code
 * closed_datetime}.
 *
 * @param areas area keys by area type
 */
public record ExtendedAttributes(
    String channel,
    Map<String, List<String>> areas,
    boolean duplicate,
    String parentServiceRequestId,
    OffsetDateTime closedDatetime) {

  public ExtendedAttributes {
    areas = areas == null ? Map.of() : Map.copyOf(areas);
  }

  /**
   * The wire object. Area types are names chosen when areas are loaded, so this is a map rather
   * than fixed fields; its order is fixed: channel, the area types alphabetically, then the rest.
   */
  @JsonValue
  public Map<String, Object> wire() {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("channel", channel);
    new TreeMap<>(areas)
        .forEach((type, keys) -> wire.putIfAbsent(type, keys.size() == 1 ? keys.get(0) : keys));
    wire.put("duplicate", duplicate);
    wire.put("parent_service_request_id", parentServiceRequestId);
    wire.put("closed_datetime", closedDatetime);
    return wire;
  }
}
