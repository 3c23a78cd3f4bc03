package dev.open311.storage.dao;

import dev.open311.storage.row.TokenRow;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Writes history notes and resolves tokens; filing is {@link ServiceRequestFiling}, searches
 * {@link ServiceRequestSearch}.
 */
@RegisterConstructorMapper(TokenRow.class)
public interface ServiceRequestDao {

  /** A public history entry; filing writes the first one, type {@code opened}. */
  @SqlUpdate(
      """
      insert into service_request_note (request_id, type, status, datetime, summary, description)
      values (:requestId, :type, :status, :datetime, :summary, :description)
      """)
  void insertNote(
      long requestId,
      String type,
      String status,
      java.time.OffsetDateTime datetime,
      String summary,
      String description);

  @SqlQuery(
      """
      select service_request_id, token
        from service_request
       where jurisdiction_id = :jurisdictionId and token = :token
      """)
  Optional<TokenRow> token(String jurisdictionId, String token);
}
