package dev.open311.storage.row;

import java.time.OffsetDateTime;

/**
 * A row of {@code service_request_note}: one entry of a request's public history.
 *
 * @param status the status this note set, null for a note that changed none
 * @param extendedAttributes the jsonb column as its JSON text, or null
 */
public record NoteRow(
    long id,
    long requestId,
    String type,
    String status,
    OffsetDateTime datetime,
    String summary,
    String description,
    String extendedAttributes,
    String mediaUrl) {}
