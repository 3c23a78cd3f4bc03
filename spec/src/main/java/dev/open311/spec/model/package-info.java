/**
 * Immutable records in GeoReport v2's own nouns: what the standard's documents hold.
 * May import only java.* and Jackson annotations (which name the wire fields once for both formats).
 */
package dev.open311.spec.model;
