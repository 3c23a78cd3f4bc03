package dev.open311.spec.rule;

import dev.open311.spec.format.W3cDates;
import dev.open311.spec.model.AttributeAnswer;
import dev.open311.spec.model.Datatype;
import dev.open311.spec.model.ServiceAttribute;
import dev.open311.spec.model.ServiceDefinition;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks {@code attribute[CODE]} answers against a service definition: required answers given,
 * list answers among the listed keys, numbers numeric, datetimes W3C. Answers to informational
 * ({@code variable=false}) or unknown attributes are ignored, as the standard allows.
 */
final class AttributeRules {

  static final int MAX_TEXT = 4000;
  static final int MAX_NUMBER_DIGITS = 100;

  private AttributeRules() {}

  static List<AttributeAnswer> answers(
      ServiceDefinition definition,
      Map<String, List<String>> given,
      ZoneId zone,
      List<String> problems) {
    List<AttributeAnswer> answers = new ArrayList<>();
    for (ServiceAttribute attribute : definition.attributes()) {
      if (!attribute.variable()) {
        continue;
      }
      List<String> values =
          given.getOrDefault(attribute.code(), List.of()).stream()
              .filter(v -> v != null && !v.isBlank())
              .toList();
      if (values.isEmpty()) {
        if (attribute.required()) {
          problems.add(
              ServiceRequestRules.label(attribute) + " is required: " + attribute.description());
        }
        continue;
      }
      List<String> normalised = normalise(attribute, values, zone, problems);
      if (normalised != null) {
        answers.add(new AttributeAnswer(attribute.code(), attribute.datatype(), normalised));
      }
    }
    return answers;
  }

  private static List<String> normalise(
      ServiceAttribute attribute, List<String> values, ZoneId zone, List<String> problems) {
    String label = ServiceRequestRules.label(attribute);
    if (attribute.datatype() != Datatype.MULTIVALUELIST && values.size() > 1) {
      problems.add(label + " takes one value");
      return null;
    }
    List<String> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String raw : values) {
      String value = raw.trim();
      if (!seen.add(value)) {
        continue;
      }
      switch (attribute.datatype()) {
        case SINGLEVALUELIST, MULTIVALUELIST -> {
          if (attribute.value(value).isEmpty()) {
            problems.add(label + " value " + value + " is not one of the listed keys");
            return null;
          }
          result.add(value);
        }
        case NUMBER -> {
          BigDecimal number;
          try {
            number = new BigDecimal(value).stripTrailingZeros();
          } catch (NumberFormatException e) {
            problems.add(label + " must be a number");
            return null;
          }
          // toPlainString writes every zero an exponent implies: 1e999999999 is a gigabyte
          if (Math.max(number.precision() - number.scale(), number.scale()) > MAX_NUMBER_DIGITS) {
            problems.add(label + " must be a number of at most " + MAX_NUMBER_DIGITS + " digits");
            return null;
          }
          result.add(number.toPlainString());
        }
        case DATETIME -> {
          var parsed = W3cDates.parse(value, zone);
          if (parsed.isEmpty()) {
            problems.add(label + " must be a W3C datetime such as 2024-05-02T09:14:03-05:00");
            return null;
          }
          result.add(W3cDates.format(parsed.get()));
        }
        case STRING, TEXT -> {
          ServiceRequestRules.checkText(problems, label, raw, MAX_TEXT);
          result.add(raw);
        }
        default -> throw new IllegalStateException("unhandled datatype " + attribute.datatype());
      }
    }
    return result;
  }
}
