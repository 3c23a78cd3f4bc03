package dev.open311.spec.catalog;

import dev.open311.spec.model.AttributeValue;
import dev.open311.spec.model.ServiceAttribute;
import dev.open311.spec.model.ServiceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A service of a catalog file: its GeoReport v2 fields, what filing it tells the resident, and
 * its definition. {@code metadata} is not written: it is true exactly when attributes exist.
 *
 * @param expectedDays the service level in days, from which {@code expected_datetime} is set
 */
public record CatalogService(
    String serviceCode,
    String serviceName,
    String description,
    ServiceType type,
    String keywords,
    String group,
    String agencyResponsible,
    String serviceNotice,
    Integer expectedDays,
    List<ServiceAttribute> attributes) {

  public CatalogService {
    type = type == null ? ServiceType.REALTIME : type;
    attributes = attributes == null ? List.of() : List.copyOf(attributes);
  }

  List<String> problems(String jurisdiction, Set<String> groupNames) {
    List<String> problems = new ArrayList<>();
    String where = jurisdiction + ", service " + serviceCode;
    if (serviceCode == null || serviceCode.isBlank()) {
      problems.add(jurisdiction + ": a service has no service_code");
    }
    if (serviceName == null || serviceName.isBlank()) {
      problems.add(where + ": service_name is required");
    }
    if (group != null && !groupNames.isEmpty() && !groupNames.contains(group)) {
      problems.add(where + ": group " + group + " is not among the jurisdiction's groups");
    }
    if (expectedDays != null && expectedDays < 0) {
      problems.add(where + ": expected_days must not be negative");
    }
    Set<String> codes = new HashSet<>();
    Set<Integer> orders = new HashSet<>();
    for (ServiceAttribute attribute : attributes) {
      String at = where + ", attribute " + attribute.code();
      if (attribute.code() == null || attribute.code().isBlank() || !codes.add(attribute.code())) {
        problems.add(at + ": attribute codes must be present and unique");
      }
      if (attribute.datatype() == null) {
        problems.add(at + ": datatype is required");
        continue;
      }
      if (attribute.order() < 1 || !orders.add(attribute.order())) {
        problems.add(at + ": order must be positive and unique");
      }
      if (attribute.datatype().isList() && attribute.values().isEmpty()) {
        problems.add(at + ": a " + attribute.datatype().wireName() + " needs values");
      }
      if (!attribute.datatype().isList() && !attribute.values().isEmpty()) {
        problems.add(at + ": only list datatypes take values");
      }
      if (!attribute.variable() && attribute.required()) {
        problems.add(at + ": an informational attribute (variable=false) cannot be required");
      }
      Set<String> keys = new HashSet<>();
      for (AttributeValue value : attribute.values()) {
        if (value.key() == null || value.key().isBlank() || !keys.add(value.key())) {
          problems.add(at + ": value keys must be present and unique");
        }
      }
    }
    return problems;
  }
}
