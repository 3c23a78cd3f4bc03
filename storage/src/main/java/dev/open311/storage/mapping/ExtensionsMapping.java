package dev.open311.storage.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.open311.spec.model.AttributeAnswer;
import dev.open311.spec.model.Datatype;
import dev.open311.spec.model.ExtendedAttributes;
import dev.open311.spec.model.ServiceRequestExtensions;
import dev.open311.spec.model.ServiceRequestNote;
import dev.open311.storage.row.AnswerRow;
import dev.open311.storage.row.AreaTagRow;
import dev.open311.storage.row.NoteRow;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Notes, answers and area tags of a page of requests, assembled into their extensions. */
public final class ExtensionsMapping {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private ExtensionsMapping() {}

  /**
   * One extensions value per search row, in the rows' order.
   *
   * @param notes, answers, areas each ordered by request, then as they are to be shown
   */
  public static List<ServiceRequestExtensions> assemble(
      List<SearchRow> rows, List<NoteRow> notes, List<AnswerRow> answers, List<AreaTagRow> areas) {
    Map<Long, List<NoteRow>> notesByRequest = new HashMap<>();
    notes.forEach(n -> notesByRequest.computeIfAbsent(n.requestId(), id -> new ArrayList<>()).add(n));
    Map<Long, List<AnswerRow>> answersByRequest = new HashMap<>();
    answers.forEach(
        a -> answersByRequest.computeIfAbsent(a.requestId(), id -> new ArrayList<>()).add(a));
    Map<Long, Map<String, List<String>>> areasByRequest = new HashMap<>();
    for (AreaTagRow area : areas) {
      areasByRequest
          .computeIfAbsent(area.requestId(), id -> new LinkedHashMap<>())
          .computeIfAbsent(area.areaType(), type -> new ArrayList<>())
          .add(area.areaKey());
    }
    List<ServiceRequestExtensions> extensions = new ArrayList<>(rows.size());
    for (SearchRow row : rows) {
      extensions.add(
          new ServiceRequestExtensions(
              answers(answersByRequest.getOrDefault(row.id(), List.of())),
              new ExtendedAttributes(
                  row.channel(),
                  areasByRequest.getOrDefault(row.id(), Map.of()),
                  row.duplicate(),
                  row.parentServiceRequestId(),
                  row.closedAt()),
              notesByRequest.getOrDefault(row.id(), List.of()).stream()
                  .map(note -> note(note, row.zone()))
                  .toList()));
    }
    return extensions;
  }

  /** Values of one request grouped into answers; rows are in filing order. */
  private static List<AttributeAnswer> answers(List<AnswerRow> rows) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    Map<String, Datatype> datatypes = new HashMap<>();
    for (AnswerRow row : rows) {
      values.computeIfAbsent(row.code(), code -> new ArrayList<>()).add(row.value());
      datatypes.putIfAbsent(row.code(), Datatype.fromWire(row.datatype()));
    }
    List<AttributeAnswer> answers = new ArrayList<>(values.size());
    values.forEach(
        (code, list) -> answers.add(new AttributeAnswer(code, datatypes.get(code), list)));
    return answers;
  }

  private static ServiceRequestNote note(NoteRow row, ZoneId zone) {
    return new ServiceRequestNote(
        row.type(),
        inZone(row.datetime(), zone),
        row.summary(),
        row.description(),
        row.extendedAttributes() == null ? null : parse(row.extendedAttributes()));
  }

  public static OffsetDateTime inZone(OffsetDateTime value, ZoneId zone) {
    return value == null ? null : value.atZoneSameInstant(zone).toOffsetDateTime();
  }

  private static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(json, OBJECT);
    } catch (JsonProcessingException e) {
      // jsonb always holds valid JSON; a scalar or array here was written by hand
      return Map.of("value", json);
    }
  }
}
