package dev.open311.storage.dao;

import org.jdbi.v3.core.Handle;

/**
 * A jurisdiction's small number (V13), which leads the request indexes in place of its text id:
 * statements name the jurisdiction by id and find its number with {@link #OF}, once per
 * statement; writers store it beside the id, which the requests' foreign key checks against the
 * jurisdiction's.
 */
public final class JurisdictionNum {

  /** The number of the jurisdiction {@code :jurisdictionId}, as a scalar subquery. */
  public static final String OF =
      "(select j.num from jurisdiction j where j.jurisdiction_id = :jurisdictionId)";

  private JurisdictionNum() {}

  /**
   * The number of the jurisdiction.
   *
   * @throws IllegalArgumentException when there is no such jurisdiction
   */
  public static short of(Handle handle, String jurisdictionId) {
    return handle
        .createQuery("select num from jurisdiction where jurisdiction_id = :j")
        .bind("j", jurisdictionId)
        .mapTo(short.class)
        .findOne()
        .orElseThrow(
            () -> new IllegalArgumentException("there is no jurisdiction " + jurisdictionId));
  }
}
