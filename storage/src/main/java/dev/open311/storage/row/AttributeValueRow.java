package dev.open311.storage.row;

/** A row of {@code attribute_value}: one allowed answer of a list attribute. */
public record AttributeValueRow(long attributeId, String key, String name, int position) {}
