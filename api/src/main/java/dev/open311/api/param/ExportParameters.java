package dev.open311.api.param;

import dev.open311.spec.export.ExportFilter;
import dev.open311.spec.model.Jurisdiction;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The research feed's filters, read the same way over HTTP and on the command line:
 * {@code service_code} and {@code status} as comma lists, {@code start_date} (inclusive),
 * {@code end_date} (exclusive) and {@code updated_after} (exclusive) as W3C datetimes.
 */
public final class ExportParameters {

  private ExportParameters() {}

  /** @throws dev.open311.spec.error.InvalidRequestException naming the bad parameter */
  public static ExportFilter filter(Jurisdiction jurisdiction, MultivaluedMap<String, String> values) {
    Parameters parameters = new Parameters(values);
    return new ExportFilter(
        jurisdiction.jurisdictionId(),
        parameters.list("service_code"),
        parameters.statuses("status"),
        parameters.datetime("start_date", jurisdiction.timeZone()),
        parameters.datetime("end_date", jurisdiction.timeZone()),
        parameters.datetime("updated_after", jurisdiction.timeZone()));
  }
}
