package dev.open311.storage.repository;

import dev.open311.spec.model.ServiceRequest;
import dev.open311.spec.model.ServiceRequestExtensions;
import dev.open311.spec.query.HarvestCursor;
import dev.open311.spec.query.ServiceRequestPage;
import dev.open311.spec.query.ServiceRequestQuery;
import dev.open311.storage.dao.ExtensionsDao;
import dev.open311.storage.dao.RecentCells;
import dev.open311.storage.dao.ServiceRequestSearch;
import dev.open311.storage.mapping.CatalogNames;
import dev.open311.storage.mapping.ExtensionsMapping;
import dev.open311.storage.mapping.SearchRow;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * GET requests: one statement for the page, then, with extensions, one each for the page's notes,
 * answers and area tags.
 */
final class ServiceRequestReads {

  private ServiceRequestReads() {}

  /** @param recent the map cells, or null */
  static ServiceRequestPage search(
      Handle handle, ServiceRequestQuery query, CatalogNames names, RecentCells recent) {
    List<SearchRow> rows = ServiceRequestSearch.find(handle, query, names, recent);
    List<ServiceRequest> requests = rows.stream().map(SearchRow::request).toList();
    List<ServiceRequestExtensions> extensions = List.of();
    if (query.extensions() && !rows.isEmpty()) {
      List<Long> ids = rows.stream().map(SearchRow::id).toList();
      extensions =
          ExtensionsMapping.assemble(
              rows,
              ExtensionsDao.notes(handle, ids),
              ExtensionsDao.answers(handle, ids),
              ExtensionsDao.areas(handle, ids));
    }
    HarvestCursor next = null;
    if (query.isHarvest() && !rows.isEmpty()) {
      SearchRow last = rows.get(rows.size() - 1);
      next = new HarvestCursor(last.changeXid(), last.id());
    }
    return new ServiceRequestPage(requests, extensions, next);
  }
}
