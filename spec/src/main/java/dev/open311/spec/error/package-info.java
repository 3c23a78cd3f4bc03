/**
 * Typed GeoReport v2 failures, each carrying its HTTP status and its error list.
 * May import only spec.model and java.*.
 */
package dev.open311.spec.error;
