package dev.open311.storage.row;

/**
 * A row of {@code service_request_answer}: one value of one answer.
 *
 * @param position the value's place among all values of the request, from 0
 */
public record AnswerRow(long requestId, String code, String datatype, String value, int position) {}
