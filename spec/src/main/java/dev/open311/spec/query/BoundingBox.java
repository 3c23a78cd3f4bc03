package dev.open311.spec.query;

import dev.open311.spec.error.InvalidRequestException;

/**
 * The {@code bbox} of a GET requests search: requests whose point lies in the box, edges
 * included. Written {@code min_long,min_lat,max_long,max_lat} (longitude first, as GeoJSON and
 * most map libraries give a viewport). A box across the antimeridian is not accepted: ask for its
 * two halves.
 */
public record BoundingBox(
    double minLongitude, double minLatitude, double maxLongitude, double maxLatitude) {

  public static final String ORDER = "min_long,min_lat,max_long,max_lat";

  public BoundingBox {
    Circle.checkLongitude("bbox min_long", minLongitude);
    Circle.checkLatitude("bbox min_lat", minLatitude);
    Circle.checkLongitude("bbox max_long", maxLongitude);
    Circle.checkLatitude("bbox max_lat", maxLatitude);
    if (minLongitude > maxLongitude) {
      throw new InvalidRequestException(
          "bbox is " + ORDER + ": min_long must not be greater than max_long");
    }
    if (minLatitude > maxLatitude) {
      throw new InvalidRequestException(
          "bbox is " + ORDER + ": min_lat must not be greater than max_lat");
    }
  }

  /**
   * Parses {@code min_long,min_lat,max_long,max_lat}; null for null.
   *
   * @throws InvalidRequestException when it is not four numbers in that order and range
   */
  public static BoundingBox parse(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(",", -1);
    if (parts.length != 4) {
      throw new InvalidRequestException("bbox must be four numbers: " + ORDER);
    }
    return new BoundingBox(
        Numbers.decimal("bbox min_long", parts[0]),
        Numbers.decimal("bbox min_lat", parts[1]),
        Numbers.decimal("bbox max_long", parts[2]),
        Numbers.decimal("bbox max_lat", parts[3]));
  }
}
