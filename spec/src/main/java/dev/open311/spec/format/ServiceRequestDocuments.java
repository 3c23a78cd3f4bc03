package dev.open311.spec.format;

import dev.open311.spec.query.ServiceRequestPage;

/** The GET requests document for a search result, with or without the extensions. */
public final class ServiceRequestDocuments {

  private ServiceRequestDocuments() {}

  public static ListDocument<?> of(ServiceRequestPage page, boolean extensions) {
    return extensions
        ? new ExtendedServiceRequestList(page.extended())
        : new ServiceRequestList(page.requests());
  }
}
