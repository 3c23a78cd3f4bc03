package dev.open311.storage.mapping;

import java.time.ZoneId;

/**
 * What a page of requests takes from the catalog instead of joining it in every search: service
 * names and the jurisdiction's zone, from the catalog kept in memory. Either may be unknown here
 * (null) for a moment after another process changed the catalog; the search then reads it.
 */
public interface CatalogNames {

  /** Nothing known: every search reads names and zone from the tables. */
  CatalogNames NONE =
      new CatalogNames() {
        @Override
        public String serviceName(String jurisdictionId, String serviceCode) {
          return null;
        }

        @Override
        public ZoneId zone(String jurisdictionId) {
          return null;
        }
      };

  /** The name of the jurisdiction's service with that code, or null when not known here. */
  String serviceName(String jurisdictionId, String serviceCode);

  /** The jurisdiction's time zone, or null when not known here. */
  ZoneId zone(String jurisdictionId);
}
