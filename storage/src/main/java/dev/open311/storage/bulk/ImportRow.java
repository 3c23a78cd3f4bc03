package dev.open311.storage.bulk;

import dev.open311.storage.geo.AreaTags;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One valid row of a Chicago data-portal export, already mapped to this server's terms (status
 * open/closed, instants, the address line); what {@link ChicagoRows} makes of a CSV record.
 *
 * @param line the line the record starts on, for messages
 * @param agency OWNER_DEPARTMENT, the request's agency_responsible and a new service's agency
 */
record ImportRow(
    long line,
    String serviceRequestId,
    String serviceCode,
    String serviceName,
    String agency,
    String status,
    String statusNotes,
    OffsetDateTime requestedAt,
    OffsetDateTime updatedAt,
    OffsetDateTime closedAt,
    String address,
    String zipcode,
    Double latitude,
    Double longitude,
    String channel,
    boolean duplicate,
    String parentServiceRequestId,
    String ward,
    String communityArea,
    String policeDistrict) {

  /** The area types an import owns; a re-import replaces their tags and keeps the others'. */
  static final List<String> AREA_TYPES = List.of("community_area", "police_district", "ward");

  /** The row's area tags, sorted as stored (V12). */
  List<String> areaTags() {
    List<String> tags = new ArrayList<>(3);
    if (communityArea != null) {
      tags.add(AreaTags.tag("community_area", communityArea));
    }
    if (policeDistrict != null) {
      tags.add(AreaTags.tag("police_district", policeDistrict));
    }
    if (ward != null) {
      tags.add(AreaTags.tag("ward", ward));
    }
    return tags;
  }
}
