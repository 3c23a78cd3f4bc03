package dev.open311.storage.repository;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * One writer of areas and area tags at a time, across processes: a session-level advisory lock
 * taken before the writer's transaction begins, so the transaction's first snapshot already sees
 * what the previous writer committed.
 */
final class AreaLock {

  /** Any constant no other part of the schema uses; "311 areas". */
  private static final long KEY = 311_0000_4L;

  private AreaLock() {}

  /** Runs the work once the lock is free, waiting for it. */
  static <T> T exclusively(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
    return jdbi.withHandle(
        handle -> {
          handle
              .createQuery("select 1 from pg_advisory_lock(:key)")
              .bind("key", KEY)
              .mapTo(Integer.class)
              .one();
          return runThenUnlock(handle, work);
        });
  }

  /** Runs the work if the lock is free now; empty when another writer holds it. */
  static <T> Optional<T> ifFree(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
    return jdbi.withHandle(
        handle -> {
          boolean locked =
              handle
                  .createQuery("select pg_try_advisory_lock(:key)")
                  .bind("key", KEY)
                  .mapTo(Boolean.class)
                  .one();
          return locked ? Optional.ofNullable(runThenUnlock(handle, work)) : Optional.empty();
        });
  }

  private static <T> T runThenUnlock(Handle handle, HandleCallback<T, RuntimeException> work) {
    T result;
    try {
      result = work.withHandle(handle);
    } catch (RuntimeException failure) {
      try {
        unlock(handle);
      } catch (RuntimeException alsoFailed) {
        failure.addSuppressed(alsoFailed);
      }
      throw failure;
    }
    unlock(handle);
    return result;
  }

  /** A session lock outlives transactions: release it before the pool reuses the connection. */
  private static void unlock(Handle handle) {
    handle
        .createQuery("select pg_advisory_unlock(:key)")
        .bind("key", KEY)
        .mapTo(Boolean.class)
        .one();
  }
}
