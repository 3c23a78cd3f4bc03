package dev.open311.conformance;

import io.restassured.http.Method;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Which extensions (digest §6) the target offers, probed once each. A server that refuses an
 * extension's parameter (400, 404) or ignores it (answers as if it were absent) does not offer
 * it, and the checks of that extension are skipped, so the suite stays usable against any city.
 */
final class Support {
  private static final Map<String, Boolean> PROBED = new HashMap<>();
  private static String filed;

  private Support() {}

  /** A realtime request filed now at the target's point (through JSON), shared by the probes. */
  static synchronized String filedAtThePoint() {
    if (filed == null) {
      filed = Api.file(Format.JSON, ValidPost.form(Catalog.realtime()));
    }
    return filed;
  }

  /** lat/long/radius: a circle far from the target's point leaves out a request filed there. */
  static void assumeSpatial() {
    assume("lat/long/radius", () -> {
      String id = filedAtThePoint();
      Params far = Params.of("lat", Double.toString(Geo.lat() + 1), "long", Target.get().lon, "radius", "100");
      return answersWithout(Api.get("requests", Format.JSON, far), id);
    });
  }

  /** bbox: a box far from the target's point leaves out a request filed there. */
  static void assumeBbox() {
    assume("bbox", () -> {
      String id = filedAtThePoint();
      double lat = Geo.lat() + 1;
      String box = Target.get().lon + "," + lat + "," + (Geo.lon() + 0.01) + "," + (lat + 0.01);
      return answersWithout(Api.get("requests", Format.JSON, Params.of("bbox", box)), id);
    });
  }

  /** page_size: with two requests filed, page_size=1 answers one. */
  static void assumePaging() {
    assume("page/page_size", () -> {
      filedAtThePoint();
      Api.file(Format.JSON, ValidPost.form(Catalog.realtime()));
      Response r = Api.get("requests", Format.JSON, Params.of("page_size", "1"));
      return r.statusCode() == 200 && Doc.of(Format.JSON, r).list("service_requests").size() == 1;
    });
  }

  /** updated_after: a bound in the future leaves out a request filed now. */
  static void assumeUpdatedAfter() {
    assume("updated_after", () -> {
      String id = filedAtThePoint();
      Params future = Params.of("updated_after", Markers.minutesFromNow(24 * 60));
      return answersWithout(Api.get("requests", Format.JSON, future), id);
    });
  }

  /** area_type/area: an area that does not exist leaves out a request filed now. */
  static void assumeAreaFilter() {
    assume("area_type/area", () -> {
      String id = filedAtThePoint();
      Params none = Params.of("area_type", Markers.unique("nosuchtype"), "area", "1");
      Response r = Api.get("requests", Format.JSON, none);
      // A server that knows its area types refuses an unknown one; one that does not finds
      // nothing tagged with it. One that ignores the filter answers the new request.
      return r.statusCode() == 400 || answersWithout(r, id);
    });
  }

  /** extensions=true: a request read with it has notes. */
  static void assumeExtensions() {
    assume("extensions=true", () -> {
      Response r = Api.get("requests/{id}", Format.JSON, Params.of("extensions", "true"), filedAtThePoint());
      return r.statusCode() == 200
          && Doc.of(Format.JSON, r).single("service_requests").containsKey("notes");
    });
  }

  /** servicerequestupdates: the feed answers. */
  static void assumeUpdatesFeed() {
    assume("servicerequestupdates", () -> Api.get("servicerequestupdates", Format.JSON).statusCode() == 200);
  }

  /** requests.geojson: answers a FeatureCollection. */
  static void assumeGeoJson() {
    assume("requests.geojson", () -> {
      Response r = geoJson(new Params());
      return r.statusCode() == 200 && "FeatureCollection".equals(r.jsonPath().getString("type"));
    });
  }

  static Response geoJson(Params query) {
    return Api.call(Method.GET, Target.get().baseUrl + "requests.geojson", query);
  }

  private static boolean answersWithout(Response r, String id) {
    if (r.statusCode() != 200) {
      return false;
    }
    List<String> ids = Doc.ids(Doc.of(Format.JSON, r).list("service_requests"));
    return !ids.contains(id);
  }

  private static void assume(String extension, BooleanSupplier probe) {
    boolean offered;
    synchronized (Support.class) {
      offered = PROBED.computeIfAbsent(extension, e -> probe.getAsBoolean());
    }
    Target.expect(offered, () -> "the target does not offer " + extension);
  }
}
