package dev.open311.storage.row;

/**
 * A row of {@code service_attribute}.
 *
 * @param datatype the wire name, e.g. singlevaluelist
 */
public record ServiceAttributeRow(
    long id,
    long serviceId,
    String code,
    boolean variable,
    String datatype,
    boolean required,
    String datatypeDescription,
    int displayOrder,
    String description) {}
