package dev.open311.storage.geo;

import dev.open311.storage.geo.AreaLocator.AreaRef;
import java.util.Collection;

/**
 * A request's area tags as stored in {@code service_request.areas}: {@code type:key} strings,
 * sorted. An area type is {@code [a-z][a-z0-9_]*}, so the first {@code ':'} ends it; the key may
 * hold anything, colons included.
 */
public final class AreaTags {

  private AreaTags() {}

  public static String tag(String areaType, String areaKey) {
    return areaType + ':' + areaKey;
  }

  public static String tag(AreaRef area) {
    return tag(area.areaType(), area.areaKey());
  }

  public static String type(String tag) {
    return tag.substring(0, tag.indexOf(':'));
  }

  public static String key(String tag) {
    return tag.substring(tag.indexOf(':') + 1);
  }

  /** Whether the tag is of that type. */
  public static boolean isOf(String tag, String areaType) {
    return tag.length() > areaType.length()
        && tag.charAt(areaType.length()) == ':'
        && tag.startsWith(areaType);
  }

  /** The areas' tags, sorted and distinct as stored; empty when there are none. */
  public static String[] sorted(Collection<AreaRef> areas) {
    return areas.stream().map(AreaTags::tag).distinct().sorted().toArray(String[]::new);
  }
}
