package dev.open311.storage.repository;

import static dev.open311.storage.geo.GeoJson.collection;
import static dev.open311.storage.geo.GeoJson.feature;
import static dev.open311.storage.geo.GeoJson.polygon;
import static dev.open311.storage.geo.GeoJson.rectangle;
import static dev.open311.storage.repository.TestCatalogs.SPRINGFIELD;

import dev.open311.spec.model.Location;
import dev.open311.spec.model.Requester;
import dev.open311.spec.port.Areas.AreaFile;
import dev.open311.spec.port.ServiceRequests;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Areas around the Loop for tests, and the tags requests got. */
final class TestAreas {

  static final AreaFile WARDS = new AreaFile("ward", "ward", "name", false);

  /** West and east halves of a box around the Loop; City Hall (-87.632) is in the west one. */
  static final String WEST_EAST =
      collection(
          feature("1", polygon(rectangle(-87.70, 41.85, -87.63, 41.92))),
          feature("2", polygon(rectangle(-87.63, 41.85, -87.56, 41.92))));

  /** The same box split north and south; City Hall (41.8837) is in the north one, 7. */
  static final String NORTH_SOUTH =
      collection(
          feature("7", polygon(rectangle(-87.70, 41.88, -87.56, 41.92))),
          feature("8", polygon(rectangle(-87.70, 41.85, -87.56, 41.88))));

  static final Location CITY_HALL = TestRequests.CITY_HALL;
  static final Location EAST = new Location(41.90, -87.60, null, null);
  static final Location FAR_AWAY = new Location(40.0, -80.0, null, null);
  static final Location NO_COORDINATES = new Location(null, null, "1 Main St", null);

  private TestAreas() {}

  /** Files a request there and returns its public id. */
  static String file(ServiceRequests requests, Location location) {
    return requests
        .file(TestRequests.from(SPRINGFIELD, "PHF", Requester.ANONYMOUS, location))
        .serviceRequestId();
  }

  /** The request's tags as "type key", sorted. */
  static List<String> tags(Jdbi jdbi, String serviceRequestId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select split_part(t, ':', 1) || ' ' || substr(t, strpos(t, ':') + 1)
                      from service_request r, unnest(r.areas) t
                     where r.service_request_id = :id order by 1
                    """)
                .bind("id", serviceRequestId)
                .mapTo(String.class)
                .list());
  }
}
