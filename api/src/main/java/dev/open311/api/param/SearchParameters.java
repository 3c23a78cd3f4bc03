package dev.open311.api.param;

import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.query.AreaFilter;
import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import dev.open311.spec.query.HarvestCursor;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.spec.error.InvalidRequestException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * The parameters of GET requests, standard and extensions (README, "GET requests parameters"),
 * read from the whole query string, so an empty value counts as absent and list parameters may
 * also repeat. They are described for OpenAPI on the resource method: a {@code @BeanParam} with
 * one field each cost Jersey a fresh injection of every field, with a reflective converter lookup
 * that threw and caught an exception, on every call (a third of a small search's CPU).
 */
public final class SearchParameters {

  private SearchParameters() {}

  /**
   * The search a query string asks for in a jurisdiction.
   *
   * @param areaTypes the types {@code area_type} takes, asked only when it is given
   * @throws InvalidRequestException for any malformed or contradicting parameter
   */
  public static ServiceRequestQuery query(
      MultivaluedMap<String, String> query,
      Jurisdiction jurisdiction,
      Supplier<List<String>> areaTypes,
      Clock clock) {
    Parameters parameters = new Parameters(query);
    ZoneId zone = jurisdiction.timeZone();
    return ServiceRequestQuery.builder(jurisdiction.jurisdictionId())
        .serviceRequestIds(parameters.list("service_request_id"))
        .serviceCodes(parameters.list("service_code"))
        .statuses(parameters.statuses("status"))
        .startDate(parameters.datetime("start_date", zone))
        .endDate(parameters.datetime("end_date", zone))
        .near(near(parameters))
        .sortByDistance(sortByDistance(parameters.optional("sort")))
        .bbox(bbox(parameters))
        .area(area(parameters, areaTypes))
        .page(parameters.integer("page"), parameters.integer("page_size"))
        .updated(
            parameters.datetime("updated_after", zone), parameters.datetime("updated_before", zone))
        .cursor(HarvestCursor.decode(parameters.optional("cursor")))
        .extensions(parameters.bool("extensions"))
        .build(clock);
  }

  /** {@code lat}, {@code long} and {@code radius}, or null when none is given. */
  static Circle near(Parameters parameters) {
    return Circle.of(
        parameters.decimal("lat"), parameters.decimal("long"), parameters.decimal("radius"));
  }

  /** {@code bbox}, or null. */
  static BoundingBox bbox(Parameters parameters) {
    return BoundingBox.parse(parameters.optional("bbox"));
  }

  /**
   * {@code area_type} with {@code area}, or null when neither is given.
   *
   * @param areaTypes the types {@code area_type} takes, asked only when it is given
   */
  static AreaFilter area(Parameters parameters, Supplier<List<String>> areaTypes) {
    AreaFilter area = AreaFilter.of(parameters.optional("area_type"), parameters.list("area"));
    return area == null ? null : area.ofKnownType(areaTypes.get());
  }

  private static boolean sortByDistance(String sort) {
    if (sort == null) {
      return false;
    }
    if (sort.equalsIgnoreCase("distance")) {
      return true;
    }
    throw new InvalidRequestException("sort takes distance (with lat and long), not " + sort);
  }
}
