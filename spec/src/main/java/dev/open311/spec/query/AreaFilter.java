package dev.open311.spec.query;

import dev.open311.spec.error.InvalidRequestException;
import java.util.Collection;
import java.util.List;

/**
 * {@code area_type} and {@code area}: requests tagged with any of these areas of one type, e.g.
 * wards 42 and 43.
 */
public record AreaFilter(String areaType, List<String> areaKeys) {

  public AreaFilter {
    areaKeys = List.copyOf(areaKeys);
  }

  /**
   * The filter named by the parameters, or null when neither is given.
   *
   * @throws InvalidRequestException when only one of them is given
   */
  public static AreaFilter of(String areaType, List<String> areaKeys) {
    if (areaType == null && areaKeys.isEmpty()) {
      return null;
    }
    if (areaType == null) {
      throw new InvalidRequestException("area needs area_type, e.g. area_type=ward&area=42");
    }
    if (areaKeys.isEmpty()) {
      throw new InvalidRequestException("area_type needs area, e.g. area_type=ward&area=42");
    }
    return new AreaFilter(areaType, areaKeys);
  }

  /**
   * This filter, when its type is one of {@code knownTypes} (see {@link
   * dev.open311.spec.port.Areas#filterTypes}): a misspelt type would otherwise select nothing and
   * look like an area without requests.
   *
   * @throws InvalidRequestException naming the known types otherwise
   */
  public AreaFilter ofKnownType(Collection<String> knownTypes) {
    if (knownTypes.contains(areaType)) {
      return this;
    }
    throw new InvalidRequestException(
        "area_type "
            + areaType
            + " is not known here; it takes "
            + (knownTypes.isEmpty() ? "no type yet" : String.join(", ", knownTypes)));
  }
}
