package dev.open311.storage.cache;

import dev.open311.spec.catalog.CatalogDocument;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.model.Service;
import dev.open311.spec.model.ServiceDefinition;
import dev.open311.spec.port.Catalog;
import dev.open311.storage.mapping.CatalogNames;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The catalog kept in memory: every GeoReport call resolves its jurisdiction, and the service
 * list and definitions are read far more often than they change, so these reads cost no query.
 *
 * <p>A {@link #load} through this object is visible to the next read at once. A change made by
 * another process (the {@code catalog load} command, an import creating services, an operator's
 * SQL) is noticed by comparing a cheap version fingerprint of the catalog tables at most once per
 * check interval, so it shows within that interval. The check is made by one caller while the
 * others keep reading the snapshot they have; nobody waits on it but the first read and the reads
 * right after a local load.
 */
public final class CachingCatalog implements Catalog, CatalogNames {

  /** How stale a change made by another process may be seen. */
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(2);

  private final Catalog delegate;
  private final Supplier<String> version;
  private final long checkIntervalNanos;
  private final AtomicBoolean checking = new AtomicBoolean();
  private final ReentrantLock reading = new ReentrantLock();

  // Guarded by "this" for writes; read without a lock. Null means "read again before answering".
  private volatile CatalogSnapshot snapshot;
  private long generation;
  private volatile long checkedAt = System.nanoTime();

  /**
   * @param delegate the catalog in the database
   * @param version the fingerprint of the catalog tables; it changes whenever they change
   * @param checkInterval the longest time a change made elsewhere stays unseen
   */
  public CachingCatalog(Catalog delegate, Supplier<String> version, Duration checkInterval) {
    this.delegate = delegate;
    this.version = version;
    this.checkIntervalNanos = checkInterval.toNanos();
  }

  @Override
  public List<Jurisdiction> jurisdictions() {
    return current().jurisdictions();
  }

  @Override
  public List<Service> services(String jurisdictionId) {
    return current().services(jurisdictionId);
  }

  @Override
  public Optional<Service> service(String jurisdictionId, String serviceCode) {
    return current().service(jurisdictionId, serviceCode);
  }

  @Override
  public String serviceName(String jurisdictionId, String serviceCode) {
    return current().service(jurisdictionId, serviceCode).map(Service::serviceName).orElse(null);
  }

  @Override
  public ZoneId zone(String jurisdictionId) {
    for (Jurisdiction jurisdiction : current().jurisdictions()) {
      if (jurisdiction.jurisdictionId().equals(jurisdictionId)) {
        return jurisdiction.timeZone();
      }
    }
    return null;
  }

  @Override
  public Optional<ServiceDefinition> definition(String jurisdictionId, String serviceCode) {
    return current().definition(jurisdictionId, serviceCode, delegate);
  }

  @Override
  public OffsetDateTime changedAt() {
    return current().changedAt();
  }

  /** Asked once at start-up to decide on the demo catalog: worth an exact answer. */
  @Override
  public boolean isEmpty() {
    return delegate.isEmpty();
  }

  @Override
  public int load(CatalogDocument document) {
    try {
      return delegate.load(document);
    } finally {
      refresh();
    }
  }

  @Override
  public CatalogDocument export() {
    return delegate.export();
  }

  private CatalogSnapshot current() {
    CatalogSnapshot current = snapshot;
    if (current == null) {
      return reread();
    }
    long now = System.nanoTime();
    if (now - checkedAt >= checkIntervalNanos && checking.compareAndSet(false, true)) {
      try {
        checkedAt = now;
        if (!version.get().equals(current.version())) {
          return reread();
        }
      } finally {
        checking.set(false);
      }
    }
    return current;
  }

  /** One reader at a time; the others wait and take what it read. */
  private CatalogSnapshot reread() {
    long started = generation();
    CatalogSnapshot before = snapshot;
    reading.lock();
    try {
      CatalogSnapshot now = snapshot;
      if (now != null && now != before) {
        return now;
      }
      CatalogSnapshot fresh = CatalogSnapshot.read(delegate, version.get());
      install(fresh, started);
      return fresh;
    } finally {
      reading.unlock();
    }
  }

  private synchronized long generation() {
    return generation;
  }

  /** A snapshot read while a local load ran may predate it: it is used once, not kept. */
  private synchronized void install(CatalogSnapshot fresh, long startedAt) {
    if (generation == startedAt) {
      snapshot = fresh;
      checkedAt = System.nanoTime();
    }
  }

  /** Reads the database again on the next call, as after a local {@link #load}. */
  public synchronized void refresh() {
    generation++;
    snapshot = null;
  }
}
