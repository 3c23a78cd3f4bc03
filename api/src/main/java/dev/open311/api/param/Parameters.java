package dev.open311.api.param;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.format.W3cDates;
import dev.open311.spec.model.Status;
import dev.open311.spec.query.Numbers;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads GeoReport v2 parameters from query or form values. An optional parameter that is present
 * but empty counts as absent; list parameters take comma lists, repeated keys, or both.
 */
public final class Parameters {

  private final MultivaluedMap<String, String> values;

  public Parameters(MultivaluedMap<String, String> values) {
    this.values = values;
  }

  /** The first non-blank value, trimmed; null when absent or empty. */
  public String optional(String name) {
    List<String> given = values.get(name);
    if (given == null) {
      return null;
    }
    return given.stream()
        .filter(v -> v != null && !v.isBlank())
        .map(String::trim)
        .findFirst()
        .orElse(null);
  }

  /** The first non-blank value, untrimmed (free text keeps its spacing); null when absent. */
  public String text(String name) {
    List<String> given = values.get(name);
    if (given == null) {
      return null;
    }
    return given.stream().filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
  }

  /** Every item of a comma list parameter, possibly repeated, trimmed, blanks dropped. */
  public List<String> list(String name) {
    List<String> items = new ArrayList<>();
    for (String value : values.getOrDefault(name, List.of())) {
      if (value == null) {
        continue;
      }
      for (String item : value.split(",")) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items;
  }

  /** The {@code status} list; a value other than open or closed is a 400. */
  public Set<Status> statuses(String name) {
    Set<Status> statuses = EnumSet.noneOf(Status.class);
    for (String item : list(name)) {
      statuses.add(
          Status.parse(item)
              .orElseThrow(
                  () ->
                      new InvalidRequestException(
                          name + " " + item + " is not a status: use open, closed or both")));
    }
    return statuses;
  }

  /** A decimal parameter such as a coordinate; null when absent, a 400 when not a number. */
  public Double decimal(String name) {
    String value = optional(name);
    return value == null ? null : Numbers.decimal(name, value);
  }

  /** A whole-number parameter; null when absent, a 400 when not a whole number. */
  public Integer integer(String name) {
    String value = optional(name);
    return value == null ? null : Numbers.integer(name, value);
  }

  /** A {@code true}/{@code false} parameter (any case); false when absent, a 400 otherwise. */
  public boolean bool(String name) {
    String value = optional(name);
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new InvalidRequestException(name + " takes true or false, not " + value);
  }

  /**
   * A W3C datetime parameter; a date alone means the start of that day in {@code zone}.
   *
   * @throws InvalidRequestException naming the parameter when the value is not a datetime
   */
  public OffsetDateTime datetime(String name, ZoneId zone) {
    String value = optional(name);
    if (value == null) {
      return null;
    }
    return W3cDates.parse(value, zone)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    name
                        + " "
                        + value
                        + " is not a W3C datetime such as 2024-05-02T09:14:03-05:00"));
  }
}
