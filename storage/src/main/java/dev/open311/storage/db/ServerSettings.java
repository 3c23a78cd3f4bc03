package dev.open311.storage.db;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL settings for the embedded server, sized from the machine's memory the way
 * PostgreSQL's own tuning guidance does; PostgreSQL's defaults (128 MB of shared buffers) suit a
 * laptop, not a city's tens of millions of requests. Durability is untouched: fsync and
 * synchronous_commit stay on ({@link EmbeddedDatabase}). The server has no replicas, so WAL is
 * kept to what crash recovery needs.
 */
final class ServerSettings {

  private static final long MB = 1024L * 1024;
  private static final long MIN_SHARED_BUFFERS = 128 * MB;
  private static final long MAX_SHARED_BUFFERS = 8192 * MB;

  private ServerSettings() {}

  /** The settings for a machine with this much memory (the container's limit, if any). */
  static Map<String, String> forMemory(long totalBytes) {
    long sharedBuffers =
        Math.max(MIN_SHARED_BUFFERS, Math.min(MAX_SHARED_BUFFERS, totalBytes / 4));
    Map<String, String> settings = new LinkedHashMap<>();
    // A quarter of memory for PostgreSQL's own cache; the operating system caches the rest.
    settings.put("shared_buffers", sharedBuffers / MB + "MB");
    settings.put("effective_cache_size", Math.max(sharedBuffers, totalBytes / 2) / MB + "MB");
    // The data is on SSD or in memory: an index lookup costs about a sequential read, which
    // keeps the planner on the indexes of the hot queries.
    settings.put("random_page_cost", "1.1");
    // Bulk imports write gigabytes; fewer forced checkpoints, each spread over more time.
    settings.put("max_wal_size", "4GB");
    settings.put("checkpoint_completion_target", "0.9");
    // Group commit: when at least commit_siblings (5) other transactions are running, a commit
    // waits up to 1 ms for more to join its WAL flush. Every commit is still flushed before it
    // is answered; under 16 concurrent POSTs this took 2.5-3.5 to 4.5-5 commits per fsync and
    // about 7 % more POSTs per second here. A lone commit does not wait.
    settings.put("commit_delay", "1000");
    // One server, no replicas: WAL carries what crash recovery needs and no more. An index built
    // in its own transaction (a bulk import builds 13 again) is then written once, to its file,
    // instead of also to WAL; a million-row import built them in 5.0-5.3 s instead of 6.2-7.0 s
    // and took 12.2-13.9 s instead of 13.6-16.1 s. Commits are as durable as before. What it
    // gives up, streaming replication and WAL archiving (and so pg_basebackup), is what an
    // external PostgreSQL is for; pg_dump works as ever.
    settings.put("wal_level", "minimal");
    settings.put("max_wal_senders", "0");
    // The cache survives a restart: pg_prewarm's worker records which blocks shared_buffers
    // holds (every 5 minutes and at shutdown) and reads them back in after the next start, in
    // file order, instead of each query meeting its own cold pages one random read at a time.
    settings.put("shared_preload_libraries", "pg_prewarm");
    settings.put("pg_prewarm.autoprewarm", "on");
    return settings;
  }

  static Map<String, String> forThisMachine() {
    OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return forMemory(os.getTotalMemorySize());
  }
}
