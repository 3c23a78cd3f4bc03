package dev.open311.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's harvest recipe over real HTTP while another client keeps filing: every request
 * that existed when the harvest began comes back exactly once, and no request comes back twice,
 * both walking page=1,2,3... and following the cursor.
 */
class HarvestIT {

  private static final int FILED_BEFORE = 120;
  private static final int FILERS = 3;
  private static final int FILED_DURING_EACH = 25;
  private static final String EPOCH = "1970-01-01T00:00:00Z";

  static LocalServer server;
  static String key;

  @BeforeAll
  static void start() throws Exception {
    ExternalTestDatabase.reset();
    server = LocalServer.start();
    key = server.createApiKey("harvest");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> filing = new ArrayList<>();
      for (int i = 0; i < FILED_BEFORE; i++) {
        filing.add(pool.submit(HarvestIT::file));
      }
      for (Future<String> id : filing) {
        id.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void pagingWithAFixedUpdatedAfterReturnsEveryRequestOnceWhileOthersAreFiled() throws Exception {
    assertHarvestIsComplete(
        page -> get(Map.of("updated_after", EPOCH, "page_size", "50", "page", Integer.toString(page))));
  }

  @Test
  void followingTheCursorReturnsEveryRequestOnceWhileOthersAreFiled() throws Exception {
    Map<Integer, String> cursors = Collections.synchronizedMap(new HashMap<>());
    assertHarvestIsComplete(
        page -> {
          Map<String, String> query = new HashMap<>(Map.of("updated_after", EPOCH, "page_size", "50"));
          if (page > 1) {
            query.put("cursor", cursors.get(page - 1));
          }
          Response response = get(query);
          String next = response.header("X-Open311-Next-Cursor");
          if (next != null) {
            assertTrue(response.header("Link").contains("cursor=" + next), response.header("Link"));
            cursors.put(page, next);
          } else {
            cursors.put(page, cursors.get(page - 1));
          }
          return response;
        });
  }

  private static void assertHarvestIsComplete(Function<Integer, Response> pages) throws Exception {
    Set<String> existing = new HashSet<>(ids(get(Map.of("page_size", "500", "page", "1"))));
    for (int page = 2; existing.size() == 500 * (page - 1); page++) {
      existing.addAll(ids(get(Map.of("page_size", "500", "page", Integer.toString(page)))));
    }
    assertTrue(existing.size() >= FILED_BEFORE, "filed before: " + existing.size());
    // Several filers, so that transactions commit out of the order they started in.
    AtomicBoolean harvesting = new AtomicBoolean(true);
    ExecutorService filers = Executors.newFixedThreadPool(FILERS);
    List<Future<Integer>> filedDuring = new ArrayList<>();
    for (int i = 0; i < FILERS; i++) {
      filedDuring.add(
          filers.submit(
              () -> {
                int filed = 0;
                while (harvesting.get() && filed < FILED_DURING_EACH) {
                  file();
                  filed++;
                }
                return filed;
              }));
    }
    List<String> harvested = new ArrayList<>();
    try {
      for (int page = 1; page < 1000; page++) {
        List<String> ids = ids(pages.apply(page));
        if (ids.isEmpty()) {
          break;
        }
        harvested.addAll(ids);
      }
    } finally {
      harvesting.set(false);
      filers.shutdown();
    }
    int filed = 0;
    for (Future<Integer> count : filedDuring) {
      filed += count.get();
    }
    assertTrue(filed > 0, "requests were filed while harvesting");
    Set<String> unique = new HashSet<>(harvested);
    assertEquals(unique.size(), harvested.size(), "no request is returned twice");
    assertTrue(unique.containsAll(existing), "every request that existed is returned");
  }

  private static Response get(Map<String, String> query) {
    Response response = given().baseUri(server.baseUrl()).queryParams(query).get("requests.json");
    assertEquals(200, response.statusCode(), response.asString());
    return response;
  }

  private static List<String> ids(Response response) {
    List<String> ids = response.jsonPath().getList("service_request_id", String.class);
    assertNotNull(ids, response.asString());
    return ids;
  }

  private static String file() {
    return given()
        .baseUri(server.baseUrl())
        .formParam("api_key", key)
        .formParam("service_code", "SDW")
        .formParam("address_string", "121 N LaSalle St")
        .post("requests.json")
        .then()
        .statusCode(200)
        .extract()
        .path("[0].service_request_id");
  }
}
