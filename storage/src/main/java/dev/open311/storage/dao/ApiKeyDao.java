package dev.open311.storage.dao;

import dev.open311.storage.row.ApiKeyRow;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** API keys by hash; the raw key never reaches the database. */
@RegisterConstructorMapper(ApiKeyRow.class)
public interface ApiKeyDao {

  /** Fails with a unique violation on {@code api_key_active_name} when the name is taken. */
  @SqlUpdate(
      """
      insert into api_key (name, key_hash, key_prefix, created_at)
      values (:name, :keyHash, :keyPrefix, :createdAt)
      """)
  void insert(String name, String keyHash, String keyPrefix, OffsetDateTime createdAt);

  @SqlQuery(
      """
      select name, key_prefix, created_at, revoked_at
        from api_key
       order by created_at, id
      """)
  List<ApiKeyRow> list();

  @SqlUpdate(
      """
      update api_key set revoked_at = :revokedAt
       where name = :name and revoked_at is null
      """)
  int revoke(String name, OffsetDateTime revokedAt);

  @SqlQuery(
      """
      select exists (select 1 from api_key where key_hash = :keyHash and revoked_at is null)
      """)
  boolean isActive(String keyHash);
}
