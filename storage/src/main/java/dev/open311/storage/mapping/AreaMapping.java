package dev.open311.storage.mapping;

import dev.open311.spec.port.Areas.AreaTypeSummary;
import dev.open311.storage.geo.Area;
import dev.open311.storage.row.AreaRow;
import dev.open311.storage.row.AreaTypeRow;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** Areas to rows and back: geometries as WKB, envelopes as PostgreSQL boxes. */
public final class AreaMapping {

  private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  private AreaMapping() {}

  public static AreaRow row(Area area, OffsetDateTime loadedAt) {
    Envelope box = area.geometry().getEnvelopeInternal();
    return new AreaRow(
        area.areaType(),
        area.areaKey(),
        area.name(),
        new WKBWriter().write(area.geometry()),
        String.format(
            Locale.ROOT,
            "(%s,%s),(%s,%s)",
            box.getMaxX(),
            box.getMaxY(),
            box.getMinX(),
            box.getMinY()),
        loadedAt);
  }

  public static Area area(AreaRow row) {
    try {
      // WKBReader keeps state while reading: one per call, so threads never share one.
      return new Area(
          row.areaType(), row.areaKey(), row.name(), new WKBReader(FACTORY).read(row.geometry()));
    } catch (ParseException e) {
      throw new IllegalStateException(
          "area " + row.areaType() + " " + row.areaKey() + " has an unreadable geometry", e);
    }
  }

  public static AreaTypeSummary summary(AreaTypeRow row) {
    return new AreaTypeSummary(row.areaType(), row.areas(), row.loadedAt(), row.taggedRequests());
  }
}
