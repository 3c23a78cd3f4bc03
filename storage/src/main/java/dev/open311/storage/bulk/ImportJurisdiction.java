package dev.open311.storage.bulk;

import java.time.ZoneId;
import org.jdbi.v3.core.Handle;

/**
 * The jurisdiction an import writes to, read once per run: its id, its number (which every
 * request carries beside the id, V13) and the time zone the file's local times are in.
 */
record ImportJurisdiction(String id, short num, ZoneId zone) {

  /**
   * @throws IllegalArgumentException when there is no such jurisdiction
   */
  static ImportJurisdiction read(Handle handle, String id) {
    return handle
        .createQuery("select num, time_zone from jurisdiction where jurisdiction_id = :j")
        .bind("j", id)
        .map((rs, ctx) -> new ImportJurisdiction(id, rs.getShort(1), ZoneId.of(rs.getString(2))))
        .findOne()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "there is no jurisdiction " + id + ": load a catalog first"));
  }
}
