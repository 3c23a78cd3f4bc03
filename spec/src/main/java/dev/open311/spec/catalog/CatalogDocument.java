package dev.open311.spec.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A whole catalog file: one or more jurisdictions. */
public record CatalogDocument(List<CatalogJurisdiction> jurisdictions) {

  public CatalogDocument {
    jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
  }

  /** Every problem of the document, each naming where it is; empty when it can be loaded. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (jurisdictions.isEmpty()) {
      problems.add("the catalog has no jurisdictions");
    }
    Set<String> ids = new HashSet<>();
    for (CatalogJurisdiction jurisdiction : jurisdictions) {
      if (jurisdiction.jurisdictionId() != null
          && !ids.add(jurisdiction.jurisdictionId().toLowerCase())) {
        problems.add("jurisdiction " + jurisdiction.jurisdictionId() + " appears twice");
      }
      problems.addAll(jurisdiction.problems());
    }
    return problems;
  }
}
