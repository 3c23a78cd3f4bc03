package dev.open311.storage.dao;

import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** A cheap fingerprint of the catalog tables, so a cache can tell whether anything changed. */
public interface CatalogVersionDao {

  /**
   * Row count and the sum of {@code xmin} (the id of the transaction that wrote each row version)
   * of every catalog table. Any insert, update or delete changes one of them, whatever clock the
   * writer had and whichever process it was; {@code changedAt} alone would miss a reload made
   * with the same timestamp or rows emptied by hand. The tables are small (a few hundred rows),
   * so this costs well under a millisecond.
   */
  @SqlQuery(
      """
      select concat_ws('/',
        (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from jurisdiction),
        (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from service_group),
        (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from service),
        (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from service_attribute),
        (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from attribute_value))
      """)
  String version();
}
