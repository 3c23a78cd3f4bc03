package dev.open311.storage.bulk;

import java.time.OffsetDateTime;

/** A row of {@code import_progress}: where the import of one file version stands. */
public record ImportProgressRow(
    String source,
    String jurisdictionId,
    long fileSize,
    OffsetDateTime fileModifiedAt,
    long nextOffset,
    long nextLine,
    long rowsImported,
    long rowsRejected,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt) {

  boolean sameFile(long size, OffsetDateTime modifiedAt) {
    return fileSize == size && fileModifiedAt.toInstant().equals(modifiedAt.toInstant());
  }
}
