package dev.open311.api.param;

import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.query.AreaFilter;
import dev.open311.spec.query.BoundingBox;
import dev.open311.spec.query.Circle;
import dev.open311.spec.query.HarvestCursor;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.spec.error.InvalidRequestException;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The parameters of GET requests, standard and extensions (README, "GET requests parameters").
 * The annotated fields name them for the OpenAPI description (public so that swagger's bean
 * introspection sees them); values are read from the whole query string, so an empty value
 * counts as absent and list parameters may also repeat.
 */
public final class SearchParameters {

  @QueryParam("service_request_id")
  @Parameter(description = "comma list; overrides every other filter")
  public String serviceRequestId;

  @QueryParam("service_code")
  @Parameter(description = "comma list")
  public String serviceCode;

  @QueryParam("status")
  @Parameter(description = "open, closed or both (comma list)")
  public String status;

  @QueryParam("start_date")
  @Parameter(description = "W3C datetime, inclusive, on requested_datetime")
  public String startDate;

  @QueryParam("end_date")
  @Parameter(description = "W3C datetime, exclusive, on requested_datetime")
  public String endDate;

  @QueryParam("lat")
  @Parameter(description = "WGS84 latitude of the center of a radius search (with long)")
  public String lat;

  @QueryParam("long")
  @Parameter(description = "WGS84 longitude of the center of a radius search (with lat)")
  public String lon;

  @QueryParam("radius")
  @Parameter(description = "meters of great-circle distance from lat/long; default 1000, max 10000")
  public String radius;

  @QueryParam("sort")
  @Parameter(description = "distance: nearest to lat/long first")
  public String sort;

  @QueryParam("bbox")
  @Parameter(description = "min_long,min_lat,max_long,max_lat (longitude first), edges included")
  public String bbox;

  @QueryParam("area_type")
  @Parameter(description = "an area type such as ward, with area")
  public String areaType;

  @QueryParam("area")
  @Parameter(description = "comma list of area keys of area_type, e.g. 42")
  public String area;

  @QueryParam("page")
  @Parameter(description = "one-based page (0 is taken as 1); paged calls have no 90-day window")
  public String page;

  @QueryParam("page_size")
  @Parameter(description = "requests per page, default 50, max 500")
  public String pageSize;

  @QueryParam("updated_after")
  @Parameter(description = "W3C datetime, inclusive, on updated_datetime; a harvest (change order)")
  public String updatedAfter;

  @QueryParam("updated_before")
  @Parameter(description = "W3C datetime, exclusive, on updated_datetime; a harvest (change order)")
  public String updatedBefore;

  @QueryParam("cursor")
  @Parameter(description = "continue a harvest after this position (X-Open311-Next-Cursor)")
  public String cursor;

  @QueryParam("extensions")
  @Parameter(description = "true: add attributes, extended_attributes and notes")
  public String extensions;

  @Context UriInfo uri;

  /**
   * The search these parameters ask for in a jurisdiction.
   *
   * @throws InvalidRequestException for any malformed or contradicting parameter
   */
  public ServiceRequestQuery query(Jurisdiction jurisdiction, Clock clock) {
    Parameters parameters = new Parameters(uri.getQueryParameters());
    ZoneId zone = jurisdiction.timeZone();
    return ServiceRequestQuery.builder(jurisdiction.jurisdictionId())
        .serviceRequestIds(parameters.list("service_request_id"))
        .serviceCodes(parameters.list("service_code"))
        .statuses(parameters.statuses("status"))
        .startDate(parameters.datetime("start_date", zone))
        .endDate(parameters.datetime("end_date", zone))
        .near(
            Circle.of(
                parameters.decimal("lat"), parameters.decimal("long"), parameters.decimal("radius")))
        .sortByDistance(sortByDistance(parameters.optional("sort")))
        .bbox(BoundingBox.parse(parameters.optional("bbox")))
        .area(AreaFilter.of(parameters.optional("area_type"), parameters.list("area")))
        .page(parameters.integer("page"), parameters.integer("page_size"))
        .updated(
            parameters.datetime("updated_after", zone), parameters.datetime("updated_before", zone))
        .cursor(HarvestCursor.decode(parameters.optional("cursor")))
        .extensions(parameters.bool("extensions"))
        .build(clock);
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
