package dev.open311.api.param;

import dev.open311.spec.export.ExportFilter;
import dev.open311.spec.model.Jurisdiction;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * The research feed's filters, read the same way over HTTP and on the command line, with the
 * names and rules of {@code GET requests} ({@link SearchParameters}): {@code service_code} and
 * {@code status} as comma lists, {@code start_date} (inclusive) and {@code end_date} (exclusive)
 * on the request time, {@code updated_after} (exclusive) and {@code updated_before} (exclusive)
 * on the update time, {@code lat}/{@code long}/{@code radius}, {@code bbox}, and {@code
 * area_type} with {@code area}.
 */
public final class ExportParameters {

  private ExportParameters() {}

  /**
   * @param areaTypes the types {@code area_type} takes, asked only when it is given
   * @throws dev.open311.spec.error.InvalidRequestException naming the bad parameter
   */
  public static ExportFilter filter(
      Jurisdiction jurisdiction,
      MultivaluedMap<String, String> values,
      Supplier<List<String>> areaTypes) {
    Parameters parameters = new Parameters(values);
    ZoneId zone = jurisdiction.timeZone();
    return new ExportFilter(
        jurisdiction.jurisdictionId(),
        parameters.list("service_code"),
        parameters.statuses("status"),
        parameters.datetime("start_date", zone),
        parameters.datetime("end_date", zone),
        parameters.datetime("updated_after", zone),
        parameters.datetime("updated_before", zone),
        SearchParameters.near(parameters),
        SearchParameters.bbox(parameters),
        SearchParameters.area(parameters, areaTypes));
  }
}
