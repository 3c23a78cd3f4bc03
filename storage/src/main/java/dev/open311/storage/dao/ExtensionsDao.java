package dev.open311.storage.dao;

import dev.open311.storage.geo.AreaTags;
import dev.open311.storage.row.AnswerRow;
import dev.open311.storage.row.AreaTagRow;
import dev.open311.storage.row.NoteRow;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What {@code extensions=true} adds to a page of requests: one statement each for all their notes,
 * answers and area tags, never one per request. Rows come ordered by request, then as shown.
 */
public final class ExtensionsDao {

  private ExtensionsDao() {}

  /** Notes oldest first (then by key, the order they were written in). */
  public static List<NoteRow> notes(Handle handle, List<Long> requestIds) {
    return handle
        .createQuery(
            """
            select id, request_id, type, status, datetime, summary, description,
                   extended_attributes::text as extended_attributes, media_url
              from service_request_note
             where request_id = any(:ids)
             order by request_id, datetime, id
            """)
        .bindArray("ids", Long.class, requestIds)
        .map(
            (rs, ctx) ->
                new NoteRow(
                    rs.getLong("id"),
                    rs.getLong("request_id"),
                    rs.getString("type"),
                    rs.getString("status"),
                    rs.getObject("datetime", OffsetDateTime.class),
                    rs.getString("summary"),
                    rs.getString("description"),
                    rs.getString("extended_attributes"),
                    rs.getString("media_url")))
        .list();
  }

  /** Answer values in the order they were filed. */
  public static List<AnswerRow> answers(Handle handle, List<Long> requestIds) {
    return handle
        .createQuery(
            """
            select request_id, code, datatype, value, position
              from service_request_answer
             where request_id = any(:ids)
             order by request_id, position
            """)
        .bindArray("ids", Long.class, requestIds)
        .map(
            (rs, ctx) ->
                new AnswerRow(
                    rs.getLong("request_id"),
                    rs.getString("code"),
                    rs.getString("datatype"),
                    rs.getString("value"),
                    rs.getInt("position")))
        .list();
  }

  private static final Comparator<AreaTagRow> BY_TYPE_THEN_KEY =
      Comparator.comparing(AreaTagRow::areaType).thenComparing(AreaTagRow::areaKey);

  /** Area tags by type, then key. */
  public static List<AreaTagRow> areas(Handle handle, List<Long> requestIds) {
    return handle
        .createQuery(
            """
            select id, areas from service_request
             where id = any(:ids) and areas is not null
             order by id
            """)
        .bindArray("ids", Long.class, requestIds)
        .reduceResultSet(
            new ArrayList<AreaTagRow>(),
            (rows, rs, ctx) -> {
              long id = rs.getLong(1);
              String[] tags = (String[]) rs.getArray(2).getArray();
              Arrays.stream(tags)
                  .map(tag -> new AreaTagRow(id, AreaTags.type(tag), AreaTags.key(tag)))
                  .sorted(BY_TYPE_THEN_KEY)
                  .forEach(rows::add);
              return rows;
            });
  }
}
