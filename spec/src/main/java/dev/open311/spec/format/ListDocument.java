package dev.open311.spec.format;

import java.util.List;

/**
 * A GeoReport v2 list document. XML wraps the items in a plural root with a singular element per
 * item (declared on each implementation); JSON writes the bare array (see {@link Open311Mappers}).
 */
public interface ListDocument<T> {
  List<T> items();
}
