package dev.open311.storage.dao;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The SqlObject interfaces of this module, and the one-time preparation JDBI 3.54 needs. */
public final class SqlObjects {

  /** Every interface a repository attaches to a handle; a new DAO belongs here. */
  static final List<Class<?>> ALL =
      List.of(
          ApiKeyDao.class,
          CatalogDao.class,
          CatalogUpdateDao.class,
          CatalogVersionDao.class,
          ServiceRequestDao.class);

  private SqlObjects() {}

  /**
   * Builds each interface's metadata once on the {@code Jdbi} itself. JDBI 3.54 caches it per
   * configuration, and every handle starts from a copy of the Jdbi's configuration: a DAO first
   * attached inside a transaction ({@code handle.attach}) had its metadata rebuilt by reflection
   * on every call (jdbi/jdbi#2991), about 4 ms of CPU per POST here. Built here first, it is part
   * of every handle's copy. No connection is opened.
   */
  public static void prepare(Jdbi jdbi) {
    for (Class<?> type : ALL) {
      jdbi.withExtension(type, dao -> null);
    }
  }
}
