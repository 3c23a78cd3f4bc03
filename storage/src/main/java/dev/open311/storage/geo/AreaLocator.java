package dev.open311.storage.geo;

import java.util.List;

/** Which named areas contain a point: used to tag every request with its areas when filed. */
public interface AreaLocator {

  /** One area containing a point: its type (e.g. ward) and its key (e.g. 42). */
  record AreaRef(String areaType, String areaKey) {}

  /** The areas containing the point, any order; empty when none. */
  List<AreaRef> locate(double latitude, double longitude);

  /** No areas loaded. */
  AreaLocator NONE = (latitude, longitude) -> List.of();
}
