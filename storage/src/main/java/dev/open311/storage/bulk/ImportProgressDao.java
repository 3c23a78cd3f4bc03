package dev.open311.storage.bulk;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The import bookkeeping table; one row per file and jurisdiction. */
@RegisterConstructorMapper(ImportProgressRow.class)
interface ImportProgressDao {

  @SqlQuery(
      """
      select source, jurisdiction_id, file_size, file_modified_at, next_offset, next_line,
             rows_imported, rows_rejected, started_at, finished_at
        from import_progress
       where source = :source and jurisdiction_id = :jurisdictionId
      """)
  Optional<ImportProgressRow> find(String source, String jurisdictionId);

  /** Starts (or restarts from the first record) the import of a file version. */
  @SqlUpdate(
      """
      insert into import_progress (source, jurisdiction_id, file_size, file_modified_at,
                                   next_offset, next_line, rows_imported, rows_rejected,
                                   started_at, updated_at, finished_at)
      values (:source, :jurisdictionId, :fileSize, :fileModifiedAt, :nextOffset, :nextLine,
              0, 0, now(), now(), null)
      on conflict (source, jurisdiction_id) do update
         set file_size = excluded.file_size, file_modified_at = excluded.file_modified_at,
             next_offset = excluded.next_offset, next_line = excluded.next_line,
             rows_imported = 0, rows_rejected = 0, started_at = now(), updated_at = now(),
             finished_at = null
      """)
  void start(@BindMethods ImportProgressRow row);

  /** Records a committed batch; called inside the batch's transaction. */
  @SqlUpdate(
      """
      update import_progress
         set next_offset = :nextOffset, next_line = :nextLine,
             rows_imported = rows_imported + :imported, rows_rejected = rows_rejected + :rejected,
             updated_at = now(),
             finished_at = case when :finished then now() end
       where source = :source and jurisdiction_id = :jurisdictionId
      """)
  void advance(
      String source,
      String jurisdictionId,
      long nextOffset,
      long nextLine,
      long imported,
      long rejected,
      boolean finished);
}
