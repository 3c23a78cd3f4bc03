package dev.open311.spec.query;

import dev.open311.spec.model.ExtendedServiceRequest;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.ServiceRequestExtensions;
import java.util.ArrayList;
import java.util.List;

/**
 * What a GET requests search found.
 *
 * @param requests in the query's order
 * @param extensions one per request, in the same order, when the query asked for them; else empty
 * @param next where a harvest continues: the last request's position; null when the query was no
 *     harvest or found nothing
 */
public record ServiceRequestPage(
    List<ServiceRequest> requests, List<ServiceRequestExtensions> extensions, HarvestCursor next) {

  public ServiceRequestPage {
    requests = List.copyOf(requests);
    extensions = List.copyOf(extensions);
    if (!extensions.isEmpty() && extensions.size() != requests.size()) {
      throw new IllegalArgumentException("one extension per request");
    }
  }

  /** The requests with their extensions, for the {@code extensions=true} representation. */
  public List<ExtendedServiceRequest> extended() {
    List<ExtendedServiceRequest> items = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      items.add(
          new ExtendedServiceRequest(
              requests.get(i),
              extensions.isEmpty() ? ServiceRequestExtensions.NONE : extensions.get(i)));
    }
    return items;
  }
}
