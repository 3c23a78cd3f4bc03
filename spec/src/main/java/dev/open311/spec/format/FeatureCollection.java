package dev.open311.spec.format;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.open311.spec.model.ExtendedServiceRequest;
import dev.open311.spec.model.ServiceRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * GET requests as a GeoJSON (RFC 7946) {@code FeatureCollection} for map tools: one {@code
 * Feature} per request, its {@code id} the service_request_id, a {@code Point} at {@code [long,
 * lat]} (GeoJSON's axis order) or a null geometry when the request has no coordinates, and the
 * request's fields (with the extensions when asked) as {@code properties}.
 */
@JsonPropertyOrder({"type", "features"})
public record FeatureCollection(List<Feature> features) {

  public FeatureCollection {
    features = List.copyOf(features);
  }

  @JsonProperty("type")
  public String type() {
    return "FeatureCollection";
  }

  /**
   * The features of a GET requests document.
   *
   * @throws IllegalArgumentException for a document that does not hold requests
   */
  public static FeatureCollection of(ListDocument<?> document) {
    List<Feature> features = new ArrayList<>(document.items().size());
    for (Object item : document.items()) {
      ServiceRequest request;
      if (item instanceof ServiceRequest plain) {
        request = plain;
      } else if (item instanceof ExtendedServiceRequest extended) {
        request = extended.request();
      } else {
        throw new IllegalArgumentException("not a service request: " + item.getClass());
      }
      Point point =
          request.latitude() == null || request.longitude() == null
              ? null
              : new Point(List.of(request.longitude(), request.latitude()));
      features.add(new Feature(request.serviceRequestId(), point, item));
    }
    return new FeatureCollection(features);
  }

  /** A GeoJSON {@code Feature}. */
  @JsonPropertyOrder({"type", "id", "geometry", "properties"})
  public record Feature(String id, Point geometry, Object properties) {
    @JsonProperty("type")
    public String type() {
      return "Feature";
    }
  }

  /** A GeoJSON {@code Point}: {@code [longitude, latitude]}. */
  @JsonPropertyOrder({"type", "coordinates"})
  public record Point(List<Double> coordinates) {
    @JsonProperty("type")
    public String type() {
      return "Point";
    }
  }
}
