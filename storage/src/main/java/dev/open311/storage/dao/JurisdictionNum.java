package dev.open311.storage.dao;

/**
 * A jurisdiction's small number (V13), which leads the request indexes in place of its text id:
 * statements name the jurisdiction by id and find its number with {@link #OF}, once per
 * statement; writers store it beside the id (an import reads it once, ImportJurisdiction), and the
 * requests' foreign key checks the pair against the jurisdiction's.
 */
public final class JurisdictionNum {

  /** The number of the jurisdiction {@code :jurisdictionId}, as a scalar subquery. */
  public static final String OF =
      "(select j.num from jurisdiction j where j.jurisdiction_id = :jurisdictionId)";

  private JurisdictionNum() {}
}
