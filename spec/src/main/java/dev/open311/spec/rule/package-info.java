/**
 * Pure GeoReport v2 rules: location required, coordinate ranges, required attributes, values in
 * lists, the jurisdiction choice. No I/O. May import spec.model, spec.error, spec.format.
 */
package dev.open311.spec.rule;
