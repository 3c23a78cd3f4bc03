package dev.open311.storage.dao;

import dev.open311.storage.row.AreaLoadRow;
import dev.open311.storage.row.AreaRow;
import dev.open311.storage.row.AreaTypeRow;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code area} and {@code area_load} tables; the tags are written by the re-tag in bulk. */
@RegisterConstructorMapper(AreaRow.class)
@RegisterConstructorMapper(AreaLoadRow.class)
@RegisterConstructorMapper(AreaTypeRow.class)
public interface AreaDao {

  @SqlUpdate("delete from area where area_type = :areaType")
  int deleteAreas(String areaType);

  @SqlBatch(
      """
      insert into area (area_type, area_key, name, geometry, bounds, loaded_at)
      values (:areaType, :areaKey, :name, :geometry, cast(:bounds as box), :loadedAt)
      """)
  void insertAreas(@BindMethods List<AreaRow> areas);

  @SqlQuery(
      """
      select area_type, area_key, name, geometry, bounds::text as bounds, loaded_at
        from area
       where area_type = any(:types)
      """)
  List<AreaRow> areas(String[] types);

  @SqlQuery(
      "select area_type, area_key, name, geometry, bounds::text as bounds, loaded_at from area")
  List<AreaRow> allAreas();

  @SqlQuery("select distinct area_type from area order by area_type")
  List<String> types();

  /**
   * Removes every tag of a type, of requests with or without coordinates. A full scan: the GIN
   * index of the tags cannot find a prefix. Call {@link #markRetag} first in the transaction.
   *
   * @return the requests that had some
   */
  @SqlUpdate(
      """
      update service_request
         set areas = nullif(array(select t from unnest(areas) t
                                   where not starts_with(t, :areaType || ':')), '{}')
       where areas is not null
         and exists (select 1 from unnest(areas) t where starts_with(t, :areaType || ':'))
      """)
  int deleteTags(String areaType);

  /**
   * Marks the transaction as a re-tag: the requests whose tags it rewrites keep their harvest
   * position ({@code change_xid}, see V12).
   */
  @SqlUpdate("set local open311.retag = 'on'")
  void markRetag();

  /** The oldest transaction still running: what this one's snapshot cannot see is at or after. */
  @SqlQuery("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
  long oldestRunningTransaction();

  /** Makes the type's boundaries a new version, which every server's index then picks up. */
  @SqlUpdate(
      """
      insert into area_load (area_type, version, tagged_xmin, changed_at)
      values (:areaType, nextval('area_version'), :taggedXmin::text::xid8, :changedAt)
      on conflict (area_type) do update
         set version = excluded.version, tagged_xmin = excluded.tagged_xmin,
             changed_at = excluded.changed_at
      """)
  void newVersion(String areaType, long taggedXmin, OffsetDateTime changedAt);

  @SqlQuery("select coalesce(max(version), 0) from area_load")
  long latestVersion();

  @SqlQuery("select area_type, version, tagged_xmin::text::bigint as tagged_xmin from area_load")
  List<AreaLoadRow> versions();

  /**
   * Types with areas or tags. A request on the edge two areas share has two tags of the type, so
   * a request counts once per type it has tags of. One pass over the table.
   */
  @SqlQuery(
      """
      with loaded as (select area_type, count(*) as areas, max(loaded_at) as loaded_at
                        from area group by area_type),
           tagged as (select t.area_type, count(*) as tagged_requests
                        from service_request r,
                             lateral (select distinct split_part(tag, ':', 1) as area_type
                                        from unnest(r.areas) tag) t
                       where r.areas is not null
                       group by t.area_type)
      select area_type, coalesce(loaded.areas, 0) as areas, loaded.loaded_at,
             coalesce(tagged.tagged_requests, 0) as tagged_requests
        from loaded full join tagged using (area_type)
       order by area_type
      """)
  List<AreaTypeRow> summaries();
}
