package dev.open311.spec.catalog;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One jurisdiction of a catalog file with its groups and services. */
public record CatalogJurisdiction(
    String jurisdictionId,
    String name,
    String timeZone,
    String contact,
    String keyService,
    List<CatalogGroup> groups,
    List<CatalogService> services) {

  public CatalogJurisdiction {
    groups = groups == null ? List.of() : List.copyOf(groups);
    services = services == null ? List.of() : List.copyOf(services);
  }

  List<String> problems() {
    List<String> problems = new ArrayList<>();
    String where = "jurisdiction " + jurisdictionId;
    if (jurisdictionId == null || jurisdictionId.isBlank()) {
      problems.add("a jurisdiction has no jurisdiction_id");
    }
    if (name == null || name.isBlank()) {
      problems.add(where + ": name is required");
    }
    try {
      ZoneId.of(timeZone == null ? "" : timeZone);
    } catch (DateTimeException e) {
      problems.add(where + ": time_zone " + timeZone + " is not a time zone id");
    }
    Set<String> groupNames = new HashSet<>();
    for (CatalogGroup group : groups) {
      if (group.name() == null || group.name().isBlank() || !groupNames.add(group.name())) {
        problems.add(where + ": group names must be present and unique (" + group.name() + ")");
      }
    }
    Set<String> codes = new HashSet<>();
    for (CatalogService service : services) {
      if (service.serviceCode() != null && !codes.add(service.serviceCode())) {
        problems.add(where + ": service_code " + service.serviceCode() + " appears twice");
      }
      problems.addAll(service.problems(where, groupNames));
    }
    return problems;
  }
}
