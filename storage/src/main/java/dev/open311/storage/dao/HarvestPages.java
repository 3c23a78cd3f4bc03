package dev.open311.storage.dao;

import static dev.open311.storage.dao.ServiceRequestSearch.COLUMNS;
import static dev.open311.storage.dao.ServiceRequestSearch.OF_JURISDICTION;

import dev.open311.spec.model.Status;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.storage.dao.SearchFilters.Spatial;
import dev.open311.storage.mapping.SearchRow;
import java.util.Comparator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * A harvest's page (a call with {@code updated_after}, {@code updated_before} or a cursor) in
 * change order, read one of three ways: its update range whole, when small; else a walk of the
 * change index, which holds the update time (V14), alone when that holds every filter, or
 * joined to the rows it keeps for the other filters. A walk for a filter with an index of its
 * own (service, area, place, request date) stops after a budget of changes that did not fill the
 * page, and that index finds the page instead ({@link #walkedOrFound}).
 *
 * <p>A harvest since yesterday asks for requests that come late in change order (about every
 * write since is later), so a walk passes nearly every request before its first. At 20M
 * requests, fetching each row passed for its update time took 3.9 s warm and 34 s cold; the walk
 * on the index alone takes 0.7-1.4 s, and reading a day's range whole 12-30 ms.
 */
final class HarvestPages {

  /** The harvest order; pages read by key come in key order and are sorted with it. */
  static final Comparator<SearchRow> CHANGE_ORDER =
      Comparator.comparingLong(SearchRow::changeXid).thenComparingLong(SearchRow::id);

  private static final String HARVEST = " order by r.change_xid, r.id";

  private HarvestPages() {}

  /**
   * Whether the page reads its update range whole: a harvest without a cursor (which starts the
   * walk where the last page ended) whose range holds at most {@code window} requests, counted
   * on the update index alone.
   */
  static boolean readsRangeWhole(Handle handle, ServiceRequestQuery query, int window) {
    if (!query.isHarvest() || query.updatedAfter() == null || query.after() != null) {
      return false;
    }
    Query probe =
        handle
            .createQuery(
                "select count(*) from (" + inUpdateOrder(query, "1")
                    + " limit " + (window + 1) + ") w")
            .bind("jurisdictionId", query.jurisdictionId())
            .bind("updatedAfter", query.updatedAfter());
    if (query.updatedBefore() != null) {
      probe.bind("updatedBefore", query.updatedBefore());
    }
    return probe.mapTo(long.class).one() <= window;
  }

  /**
   * The page's statement, {@code filters} on the rows as {@code r}, then {@code slice}; a circle
   * or box holding fewer than {@code denseArea} requests is not walked.
   */
  static String sql(
      ServiceRequestQuery query, boolean rangeWhole, String filters, String slice, int walkBudget,
      int denseArea) {
    if (rangeWhole) {
      // In update order from the update index, every request of the range, then sorted; the
      // subquery's order keeps the planner from walking change order (it plans for any range).
      return COLUMNS + "  from (" + inUpdateOrder(query, "*") + ") r\n"
          + "   where true\n" + filters + HARVEST + slice;
    }
    if (covered(query)) {
      // Keys first, from the change index alone; then the page's rows.
      return ServiceRequestSearch.rowsOf(
          "select r.id from service_request r\n" + OF_JURISDICTION + filters + HARVEST + slice);
    }
    if (hasIndexedFilter(query)) {
      return walkedOrFound(query, filters, slice, walkBudget, denseArea);
    }
    // Only the requests the walk keeps are fetched for the other filters, one by one in change
    // order, until the page is full: 700,000 changes holding no closed request took 10 s when
    // every request passed was fetched, 2.1 s this way.
    return COLUMNS + "  from (select k.id, k.change_xid from service_request k\n"
        + "   where k.jurisdiction_num = " + JurisdictionNum.OF + "\n"
        + SearchFilters.onChangeIndex(query, "k")
        + "   order by k.change_xid, k.id) k\n"
        + "  join service_request r on r.id = k.id\n"
        + "   where true\n" + filters + " order by k.change_xid, k.id" + slice;
  }

  /**
   * The walk in change order, its rows tested as they come, in one statement of two steps,
   * because how many of a range's changes a filter keeps varies from all to none and the planner
   * cannot tell which. First the walk passes at most the page's reach plus {@code walkBudget}
   * changes. Only if those kept too
   * few for the page and the range goes on, the filters' own indexes find every match in it
   * (GIN for areas, the service indexes through {@link #serviceIndexes}, GiST for places, the
   * time index for request dates), which are then sorted: few, or the walk would have filled
   * the page. Unbounded, the walk passed every change in the range for a ward or service
   * without any: 15-23 s over 10M changes at 20M requests.
   */
  private static String walkedOrFound(
      ServiceRequestQuery query, String filters, String slice, int walkBudget, int denseArea) {
    long reach = ServiceRequestSearch.reach(query);
    long budget = reach + walkBudget;
    String from =
        " from service_request k\n"
            + "   where k.jurisdiction_num = " + JurisdictionNum.OF + "\n"
            + SearchFilters.onChangeIndex(query, "k")
            + "   order by k.change_xid, k.id limit " + budget;
    // The walk reads the change index alone, which holds the update time: before a recent range
    // begins it may pass millions of changes (3M at 10.5M requests for three weeks), and fetching
    // each row passed took 3.2 s where the index alone takes 0.3 s. Only the changes in the
    // range are fetched, one by one in change order (the lateral fence keeps the planner from
    // joining the whole walk and sorting: 4 s a page for a box holding a fifth of 10M requests),
    // their filters tested ({@code hit}), until the page's reach is kept. The walk's last change
    // (numbered {@code n} = budget) is kept whatever it is: it tells that the walk went its whole
    // length, so the range goes on past it, without counting the changes again.
    return "with kept as materialized (\n"
        + "  select k.id, k.change_xid, coalesce(r.hit, false) as hit, k.n from (\n"
        + "    select k.id, k.change_xid, row_number() over () as n from (\n"
        + "      select k.id, k.change_xid" + from + ") k) k\n"
        + "  left join lateral (\n"
        + "    select true as hit from service_request r where r.id = k.id\n" + filters
        + "    offset 0) r on true\n"
        + "   where r.hit or k.n = " + budget + "\n"
        + "   limit " + reach + "),\n"
        // A quiet circle or box is found at once: the walk must pass every change before the
        // range begins to learn that it holds few (0.8 s for 5 of 4,179 requests in 500 m).
        + dense(query, denseArea)
        // The walk found the page, or every match: it ran out of changes before its length.
        + "enough as (select case when not (select yes from dense) then false\n"
        + "                  else (select count(*) filter (where hit) >= " + reach
        + " or not coalesce(bool_or(n = " + budget + "), false) from kept) end as yes),\n"
        // No order here, so the planner finds the matches by the cheapest index, not by change;
        // the update range and cursor only outside the fence (offset 0): the generic plan took
        // the range as a third of the table and ANDed its 10M-entry bitmap with a service's,
        // 1.4 s warm and 7.6 s cold for 45,000 matches.
        + "found as materialized (\n"
        + "  select f.id, f.change_xid from (\n"
        + "    select r.id, r.change_xid, r.updated_at from service_request r\n"
        + "     where not (select yes from enough)\n"
        + "       and r.jurisdiction_num = " + JurisdictionNum.OF + "\n"
        + SearchFilters.sql(query.withoutUpdateRangeAndCursor(), Spatial.INDEXED)
        + serviceIndexes(query)
        + "    offset 0) f\n"
        + "   where true\n" + SearchFilters.onChangeIndex(query, "f") + ")\n"
        + ServiceRequestSearch.rowsOf(
            "select id, change_xid from kept where hit and (select yes from enough)\n"
                + " union all select id, change_xid from found\n"
                + " order by change_xid, id" + slice);
  }

  /**
   * The CTE {@code dense} of {@link ServiceRequestSearch#dense} for a circle or box; always yes
   * without a place.
   */
  private static String dense(ServiceRequestQuery query, int denseArea) {
    return (query.near() == null && query.bbox() == null
            ? "dense as (select true as yes)"
            : ServiceRequestSearch.dense(query, denseArea))
        + ",\n";
  }

  /**
   * Predicates that hold for every match and let the planner reach a service's requests by the
   * partial service indexes, (service_id, requested_at, id) per status (V13): the codes as
   * service ids of the jurisdiction, and without a status both statuses as alternatives, each
   * arm of which one partial index answers. Nothing without service codes.
   */
  private static String serviceIndexes(ServiceRequestQuery query) {
    if (query.serviceCodes().isEmpty()) {
      return "";
    }
    String ids = ServiceRequestSearch.SERVICE_OF_CODE;
    String byId =
        query.serviceCodes().size() == 1
            ? "     and r.service_id = (" + ids + " = :codes)\n"
            : "     and r.service_id = any(array(" + ids + " = any(:codes)))\n";
    return query.statuses().size() == 1
        ? byId
        : byId + "     and (" + SearchFilters.status(Status.OPEN) + " or "
            + SearchFilters.status(Status.CLOSED) + ")\n";
  }

  /**
   * Whether a filter has an index that finds its matches in any order: a service, an area, a
   * place or request dates. A status alone has none that is small (the closed requests are
   * nearly all), so its walk is not bounded.
   */
  private static boolean hasIndexedFilter(ServiceRequestQuery query) {
    return !query.serviceCodes().isEmpty()
        || query.area() != null
        || query.near() != null
        || query.bbox() != null
        || query.from() != null
        || query.to() != null;
  }

  /** A harvest whose filters are all on the change index: update times, a cursor, or none. */
  private static boolean covered(ServiceRequestQuery query) {
    return !hasIndexedFilter(query) && query.statuses().size() != 1;
  }

  /** The requests of the update range, {@code columns} of each, read from the update index. */
  private static String inUpdateOrder(ServiceRequestQuery query, String columns) {
    return "select " + columns + " from service_request u\n"
        + "   where u.jurisdiction_num = " + JurisdictionNum.OF + "\n"
        + SearchFilters.updateRange(query, "u")
        + "   order by u.updated_at";
  }
}
