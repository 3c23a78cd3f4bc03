package dev.open311.storage.repository;

import dev.open311.spec.error.NotFoundException;
import dev.open311.spec.model.NewServiceRequest;
import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.ServiceRequestReceipt;
import dev.open311.spec.model.ServiceRequestUpdate;
import dev.open311.spec.model.ServiceType;
import dev.open311.spec.model.Status;
import dev.open311.spec.model.TokenStatus;
import dev.open311.spec.port.ServiceRequests;
import dev.open311.spec.query.ServiceRequestPage;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.spec.query.UpdatesQuery;
import dev.open311.storage.dao.RecentCells;
import dev.open311.storage.dao.ServiceRequestDao;
import dev.open311.storage.dao.ServiceRequestFiling;
import dev.open311.storage.dao.ServiceRequestLookup;
import dev.open311.storage.dao.UpdatesFeedDao;
import dev.open311.storage.geo.AreaLocator;
import dev.open311.storage.geo.AreaLocator.AreaRef;
import dev.open311.storage.mapping.CatalogNames;
import dev.open311.storage.mapping.ServiceRequestMapping;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** Service requests in PostgreSQL; the requester's personal data goes to its own table. */
public final class PostgresServiceRequests implements ServiceRequests {

  private final Jdbi jdbi;
  private final Jdbi filing;
  private final DataSource dataSource;
  private final Clock clock;
  private final AreaLocator areas;
  private final CatalogNames names;
  private final RecentCells recent;

  public PostgresServiceRequests(Jdbi jdbi, DataSource dataSource, Clock clock) {
    this(jdbi, dataSource, clock, AreaLocator.NONE, CatalogNames.NONE);
  }

  /**
   * @param dataSource the pool {@code jdbi} uses, for the one read done in plain JDBC
   * @param areas tags each new request with the areas containing its location
   * @param names service names and zones for searches, from the catalog in memory
   */
  public PostgresServiceRequests(
      Jdbi jdbi, DataSource dataSource, Clock clock, AreaLocator areas, CatalogNames names) {
    this(jdbi, jdbi, dataSource, clock, areas, names, null);
  }

  /**
   * @param filing where new requests are written: a filing spends most of its time waiting for
   *     its commit to reach the disk, and concurrent commits share one flush, so it should not
   *     take turns with the reads (see {@link dev.open311.storage.db.FairDataSource})
   * @param recent the newest requests of each map cell in memory, for the newest requests in a
   *     small area (see {@link RecentCells}); null to read every search from the tables
   */
  public PostgresServiceRequests(
      Jdbi jdbi,
      Jdbi filing,
      DataSource dataSource,
      Clock clock,
      AreaLocator areas,
      CatalogNames names,
      RecentCells recent) {
    this.recent = recent;
    this.jdbi = jdbi;
    this.filing = filing;
    this.dataSource = dataSource;
    this.clock = clock;
    this.areas = areas;
    this.names = names;
  }

  /**
   * Files the request, its contact row, its answers, its first note ({@code opened}) and its
   * area tags in one statement, which is atomic on its own and costs one round trip.
   *
   * @throws NotFoundException when the jurisdiction has no service with that code
   */
  @Override
  public ServiceRequestReceipt file(NewServiceRequest request) {
    OffsetDateTime now = Timestamps.now(clock);
    List<AreaRef> containing =
        request.location().hasCoordinates()
            ? areas.locate(request.location().latitude(), request.location().longitude())
            : List.of();
    ServiceRequestFiling.Filed filed =
        filing.withHandle(
                handle ->
                    ServiceRequestFiling.file(
                        handle,
                        request,
                        now,
                        ServiceRequestMapping.API_CHANNEL,
                        containing))
            .orElseThrow(() -> NotFoundException.service(request.serviceCode()));
    return ServiceRequestMapping.receipt(
        ServiceType.fromWire(filed.type()), filed.serviceRequestId(), filed.token(), filed.notice());
  }

  @Override
  public List<ServiceRequest> find(ServiceRequestQuery query) {
    return search(query).requests();
  }

  @Override
  public ServiceRequestPage search(ServiceRequestQuery query) {
    return jdbi.withHandle(handle -> ServiceRequestReads.search(handle, query, names, recent));
  }

  @Override
  public Optional<ServiceRequest> find(String jurisdictionId, String serviceRequestId) {
    try (Connection connection = dataSource.getConnection()) {
      return ServiceRequestLookup.find(connection, jurisdictionId, serviceRequestId);
    } catch (SQLException e) {
      throw new IllegalStateException("GET service request " + serviceRequestId + " failed", e);
    }
  }

  @Override
  public List<ServiceRequestUpdate> updates(UpdatesQuery query) {
    return jdbi.withHandle(handle -> UpdatesFeedDao.find(handle, query));
  }

  @Override
  public ServiceRequest update(
      String jurisdictionId, String serviceRequestId, Status status, String note) {
    return jdbi.inTransaction(
        handle -> {
          ServiceRequestChanges.apply(
              handle, clock, jurisdictionId, serviceRequestId, status, note);
          return ServiceRequestReads.search(
                  handle,
                  ServiceRequestQuery.byId(jurisdictionId, serviceRequestId, false),
                  names,
                  null) // by id: never the map cells' kind of search
              .requests()
              .get(0);
        });
  }

  @Override
  public Optional<TokenStatus> token(String jurisdictionId, String token) {
    return jdbi.withExtension(
        ServiceRequestDao.class,
        dao -> dao.token(jurisdictionId, token).map(ServiceRequestMapping::tokenStatus));
  }
}
