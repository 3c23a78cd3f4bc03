/**
 * The bulk research feed: the exported request record, its filters, the port storage implements
 * and the streaming CSV, NDJSON and GeoJSON writers. May import spec.model, spec.format and Jackson.
 */
package dev.open311.spec.export;
