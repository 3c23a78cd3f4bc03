package dev.open311.storage.bulk;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secondary indexes of the tables an import writes, dropped for a bulk load and built again
 * after it. Only indexes that enforce nothing are dropped (not unique, no constraint): the upsert
 * on service_request_id, the primary keys and every uniqueness stay checked throughout, so
 * requests filed meanwhile are as safe as ever; they are only found more slowly until the
 * rebuild.
 *
 * <p>Crash safety: the definitions ({@code pg_get_indexdef}) go into {@code import_dropped_index}
 * in the transaction that drops the indexes, and each index is built in a transaction that also
 * deletes its row. Whatever stops an import, that table names exactly what is missing; {@link
 * #restorePending} builds it (the next import does, and so does opening the storage). A session
 * advisory lock, held by a bulk import from before it drops the indexes until they are back,
 * keeps a second bulk import from dropping them again and storage being opened meanwhile from
 * building them under the running import.
 */
public final class BulkIndexes {

  /** The tables a Chicago import writes. */
  static final List<String> TABLES =
      List.of("service_request", "service_request_note");

  // pg_try_advisory_lock's key; any constant other code does not use ("o311bulk" in ASCII).
  private static final long LOCK_KEY = 0x6f33313162756c6bL;

  // Sorting rows for an index build needs a few hundred bytes a row; a million rows of the area
  // tags' lookup index took 200 MB. More than PostgreSQL's 64 MB default avoids spilling to disk.
  private static final String BUILD_MEMORY = "512MB";

  private static final Logger log = LoggerFactory.getLogger(BulkIndexes.class);

  /** Hears of each index built, on the thread that asked for the builds. */
  @FunctionalInterface
  interface Progress {
    /**
     * @param name the index just built
     * @param built indexes built so far, this one included
     * @param total indexes to build
     */
    void built(String name, int built, int total);
  }

  private BulkIndexes() {}

  /**
   * Builds the indexes an earlier bulk import dropped and did not build again (it was stopped or
   * crashed), unless a bulk import is running now: it builds them itself when done.
   *
   * @param poolSize the connections {@code jdbi} has: one holds the lock, and up to two more build
   *     at once; with fewer, the lock's own connection builds them one by one
   * @return how many indexes were built
   */
  public static int restorePending(Jdbi jdbi, int poolSize) {
    // withHandle, not open: the builds on this thread reuse this handle (Jdbi nests them).
    return jdbi.withHandle(
        handle -> {
          if (pending(handle).isEmpty()) {
            return 0;
          }
          if (!tryLock(handle)) {
            log.info("a bulk import is running; it builds the indexes it dropped when it is done");
            return 0;
          }
          try {
            List<String> names = pending(handle);
            log.info("building {} index(es) an interrupted bulk import dropped", names.size());
            return restore(
                jdbi,
                names,
                Math.min(2, poolSize - 1),
                (name, built, total) -> log.info("built index {} ({} of {})", name, built, total));
          } finally {
            unlock(handle);
          }
        });
  }

  /**
   * Takes the bulk-load lock on this session; false when another session holds it (a bulk import
   * is running).
   */
  static boolean tryLock(Handle handle) {
    return handle
        .createQuery("select pg_try_advisory_lock(:key)")
        .bind("key", LOCK_KEY)
        .mapTo(boolean.class)
        .one();
  }

  static void unlock(Handle handle) {
    handle.createQuery("select pg_advisory_unlock(:key)").bind("key", LOCK_KEY).mapTo(boolean.class).one();
  }

  /** The names of the indexes dropped and not yet built again. */
  static List<String> pending(Handle handle) {
    return handle
        .createQuery("select index_name from import_dropped_index order by index_name")
        .mapTo(String.class)
        .list();
  }

  /**
   * Drops the secondary indexes of {@link #TABLES}, recording them in the same transaction. Call
   * with the lock held.
   *
   * @return the names of the indexes dropped now
   */
  static List<String> drop(Handle handle) {
    return handle.inTransaction(
        h -> {
          List<String> names =
              h.createQuery(
                      """
                      insert into import_dropped_index
                             (index_name, table_name, definition, dropped_at)
                      select c.relname, t.relname, pg_get_indexdef(i.indexrelid), now()
                        from pg_index i
                        join pg_class c on c.oid = i.indexrelid
                        join pg_class t on t.oid = i.indrelid
                       where t.relnamespace = current_schema()::regnamespace
                         and t.relname in (<tables>)
                         and not i.indisunique
                         and not exists (select 1 from pg_constraint k
                                          where k.conindid = i.indexrelid)
                      returning index_name
                      """)
                  .bindList("tables", TABLES)
                  .mapTo(String.class)
                  .list();
          for (String name : names) {
            h.execute("drop index " + quote(h, name));
          }
          return names;
        });
  }

  /**
   * Builds the recorded indexes on {@code workers} connections at once, the longest builds first
   * ({@link #longestFirst}); each index in a transaction that also deletes its row. Call with the
   * lock held. With one worker or none they are built on this thread, in the handle it has open
   * if any.
   *
   * @param progress told of each index as it is built, on this thread
   * @return how many indexes were built
   */
  static int restore(Jdbi jdbi, List<String> names, int workers, Progress progress) {
    if (names.isEmpty()) {
      return 0;
    }
    int total = names.size();
    if (workers <= 1) {
      int built = 0;
      for (String name : longestFirst(jdbi, names)) {
        jdbi.useTransaction(h -> build(h, name, -1));
        progress.built(name, ++built, total);
      }
      return total;
    }
    int sessions = Math.min(workers, total);
    int helpers = parallelWorkers(Runtime.getRuntime().availableProcessors(), sessions);
    ExecutorService pool = Executors.newFixedThreadPool(sessions);
    try {
      CompletionService<String> builds = new ExecutorCompletionService<>(pool);
      for (String name : longestFirst(jdbi, names)) {
        builds.submit(
            () -> {
              jdbi.useTransaction(h -> build(h, name, helpers));
              return name;
            });
      }
      for (int built = 1; built <= total; built++) {
        progress.built(builds.take().get(), built, total);
      }
      return total;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building indexes", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The parallel workers each of {@code sessions} concurrent builds may start, so that they keep
   * about one process a core busy: PostgreSQL's default of two a build put six processes on two
   * cores here, which took 17-19 s of CPU for the 11 indexes instead of 16 s, and half a second
   * longer. This machine's cores stand in for the database's (the same machine for the embedded
   * server); PostgreSQL's own {@code max_parallel_maintenance_workers} still caps the number.
   */
  static int parallelWorkers(int cores, int sessions) {
    return Math.max(0, cores / Math.max(1, sessions) - 1);
  }

  /**
   * The indexes by their likely build time, longest first, so that the builds sharing the workers
   * end together rather than one long build running alone at the end. The estimate is the table's
   * size (not relpages, which stays 0 until a load into an empty table is analyzed), halved for a
   * partial index (it sorts only some rows) and 1.7 times for a GiST one. On a million imported
   * requests the GiST index took 1.5 s, most full ones 0.8-1.3 s and the partial ones 0.2-0.9 s;
   * ordered by table and name, the two workers finished about 0.25 s further apart.
   */
  private static List<String> longestFirst(Jdbi jdbi, List<String> names) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select d.index_name
                      from import_dropped_index d
                      left join pg_class t
                        on t.relname = d.table_name
                       and t.relnamespace = current_schema()::regnamespace
                     where d.index_name in (<names>)
                     order by coalesce(pg_relation_size(t.oid), 0)
                              * case when d.definition like '% WHERE %' then 0.5 else 1 end
                              * case when d.definition like '% USING gist %' then 1.7 else 1 end
                              desc,
                              d.index_name
                    """)
                .bindList("names", names)
                .mapTo(String.class)
                .list());
  }

  /**
   * @param parallelWorkers at most this many parallel workers for the build; negative: as
   *     PostgreSQL's settings say
   */
  private static void build(Handle handle, String name, int parallelWorkers) {
    String definition =
        handle
            .createQuery("select definition from import_dropped_index where index_name = :name")
            .bind("name", name)
            .mapTo(String.class)
            .findOne()
            .orElse(null);
    if (definition == null) {
      return; // built by someone else meanwhile
    }
    boolean exists =
        handle
            .createQuery(
                """
                select exists (select 1 from pg_class
                                where relname = :name
                                  and relnamespace = current_schema()::regnamespace)
                """)
            .bind("name", name)
            .mapTo(boolean.class)
            .one();
    if (!exists) {
      handle.execute("set local maintenance_work_mem = '" + BUILD_MEMORY + "'");
      if (parallelWorkers >= 0) {
        handle
            .createQuery(
                """
                select set_config('max_parallel_maintenance_workers',
                       least(current_setting('max_parallel_maintenance_workers')::int, :workers)
                         ::text, true)
                """)
            .bind("workers", parallelWorkers)
            .mapTo(String.class)
            .one();
      }
      handle.execute(definition);
    }
    handle.createUpdate("delete from import_dropped_index where index_name = :name")
        .bind("name", name)
        .execute();
  }

  private static String quote(Handle handle, String identifier) {
    return handle
        .createQuery("select quote_ident(:identifier)")
        .bind("identifier", identifier)
        .mapTo(String.class)
        .one();
  }
}
