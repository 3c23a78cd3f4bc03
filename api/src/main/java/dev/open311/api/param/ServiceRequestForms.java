package dev.open311.api.param;

import dev.open311.spec.model.Requester;
import dev.open311.spec.model.ServiceRequestForm;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link ServiceRequestForm} from POST parameters. Attribute answers arrive in every
 * encoding real clients use: {@code attribute[CODE]}, repeated {@code attribute[CODE]},
 * {@code attribute[CODE][]} and {@code attribute[CODE][n]} (kept in index order).
 */
public final class ServiceRequestForms {

  private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]+)\\](\\[(\\d*)\\])?");

  private ServiceRequestForms() {}

  public static ServiceRequestForm read(MultivaluedMap<String, String> values) {
    Parameters parameters = new Parameters(values);
    Requester requester =
        new Requester(
            parameters.optional("email"),
            parameters.optional("phone"),
            parameters.optional("first_name"),
            parameters.optional("last_name"),
            firstOf(parameters, "device_id", "deviceid"),
            parameters.optional("account_id"));
    return new ServiceRequestForm(
        parameters.optional("jurisdiction_id"),
        parameters.optional("service_code"),
        parameters.optional("lat"),
        parameters.optional("long"),
        firstOf(parameters, "address_string", "address"),
        parameters.optional("address_id"),
        parameters.text("description"),
        parameters.optional("media_url"),
        requester,
        attributes(values));
  }

  private static String firstOf(Parameters parameters, String name, String alias) {
    String value = parameters.optional(name);
    return value != null ? value : parameters.optional(alias);
  }

  private static Map<String, List<String>> attributes(MultivaluedMap<String, String> values) {
    Map<String, List<String>> plain = new LinkedHashMap<>();
    Map<String, TreeMap<Integer, String>> indexed = new LinkedHashMap<>();
    values.forEach(
        (key, given) -> {
          Matcher matcher = ATTRIBUTE.matcher(key);
          if (!matcher.matches()) {
            return;
          }
          String code = matcher.group(1);
          String index = matcher.group(3);
          if (index == null || index.isEmpty()) {
            plain.computeIfAbsent(code, c -> new ArrayList<>()).addAll(given);
          } else {
            TreeMap<Integer, String> byIndex = indexed.computeIfAbsent(code, c -> new TreeMap<>());
            given.forEach(v -> byIndex.put(parseIndex(index, byIndex.size()), v));
          }
        });
    indexed.forEach((code, byIndex) -> plain.computeIfAbsent(code, c -> new ArrayList<>()).addAll(byIndex.values()));
    return plain;
  }

  private static int parseIndex(String index, int fallback) {
    try {
      return Integer.parseInt(index);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
