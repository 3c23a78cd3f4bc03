package dev.open311.storage.repository;

import dev.open311.spec.port.Areas;
import dev.open311.storage.bulk.ChicagoCsvImport;
import dev.open311.storage.dao.AreaDao;
import dev.open311.storage.geo.AreaIndex;
import dev.open311.storage.geo.GeoJsonAreas;
import dev.open311.storage.mapping.AreaMapping;
import dev.open311.storage.row.AreaRow;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * Areas in PostgreSQL: polygons as WKB in {@code area}, tags in {@code service_request.areas}. Every
 * write takes {@link AreaLock}, runs in one transaction and makes the type a new version in {@code
 * area_load}, which the {@link RefreshingAreaLocator} of every process then picks up.
 */
public final class PostgresAreas implements Areas {

  private final Jdbi jdbi;
  private final Clock clock;
  private final RefreshingAreaLocator locator;

  public PostgresAreas(Jdbi jdbi, Clock clock, RefreshingAreaLocator locator) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.locator = locator;
  }

  @Override
  public LoadReport load(AreaFile file, InputStream geoJson, RetagProgress progress)
      throws IOException {
    // Parse and check the whole file before taking the lock: a bad file changes nothing.
    GeoJsonAreas.Parsed parsed = GeoJsonAreas.read(geoJson, file);
    AreaIndex index = new AreaIndex(parsed.areas());
    OffsetDateTime now = Timestamps.now(clock);
    List<AreaRow> rows = parsed.areas().stream().map(area -> AreaMapping.row(area, now)).toList();
    RetagReport retag =
        AreaLock.exclusively(
            jdbi,
            handle ->
                handle.inTransaction(
                    transaction -> {
                      AreaDao dao = transaction.attach(AreaDao.class);
                      long xmin = dao.oldestRunningTransaction();
                      dao.deleteAreas(file.areaType());
                      dao.insertAreas(rows);
                      RetagReport report =
                          AreaRetag.all(transaction, index, List.of(file.areaType()), progress);
                      dao.newVersion(file.areaType(), xmin, now);
                      return report;
                    }));
    locator.refresh();
    return new LoadReport(file.areaType(), rows.size(), parsed.fixed(), retag);
  }

  @Override
  public List<AreaTypeSummary> list() {
    return jdbi.withExtension(
        AreaDao.class, dao -> dao.summaries().stream().map(AreaMapping::summary).toList());
  }

  @Override
  public List<String> filterTypes() {
    TreeSet<String> types = new TreeSet<>(ChicagoCsvImport.AREA_TYPES);
    types.addAll(jdbi.withExtension(AreaDao.class, AreaDao::types));
    return List.copyOf(types);
  }

  @Override
  public boolean delete(String areaType) {
    AreaFile.checkType(areaType);
    boolean deleted =
        AreaLock.exclusively(
            jdbi,
            handle ->
                handle.inTransaction(
                    transaction -> {
                      AreaDao dao = transaction.attach(AreaDao.class);
                      long xmin = dao.oldestRunningTransaction();
                      dao.markRetag();
                      int rows = dao.deleteAreas(areaType) + dao.deleteTags(areaType);
                      if (rows > 0) {
                        dao.newVersion(areaType, xmin, Timestamps.now(clock));
                      }
                      return rows > 0;
                    }));
    locator.refresh();
    return deleted;
  }

  @Override
  public RetagReport retag(String areaType, RetagProgress progress) {
    if (areaType != null) {
      AreaFile.checkType(areaType);
    }
    return AreaLock.exclusively(
        jdbi,
        handle ->
            handle.inTransaction(
                transaction -> {
                  AreaDao dao = transaction.attach(AreaDao.class);
                  List<String> types = areaType == null ? dao.types() : List.of(areaType);
                  List<AreaRow> rows = dao.areas(types.toArray(String[]::new));
                  if (areaType != null && rows.isEmpty()) {
                    throw new IllegalArgumentException(
                        "no areas of type " + areaType + " are loaded");
                  }
                  if (types.isEmpty()) {
                    return new RetagReport(0, 0, 0, 0);
                  }
                  AreaIndex index = new AreaIndex(rows.stream().map(AreaMapping::area).toList());
                  return AreaRetag.all(transaction, index, types, progress);
                }));
  }
}
