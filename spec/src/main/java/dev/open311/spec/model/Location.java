package dev.open311.spec.model;

/**
 * Where a new service request is: coordinates, an address, an address id, or several of them.
 * At least one is present; latitude and longitude come together (checked by {@code rule}).
 */
public record Location(Double latitude, Double longitude, String addressString, String addressId) {

  public boolean hasCoordinates() {
    return latitude != null && longitude != null;
  }
}
