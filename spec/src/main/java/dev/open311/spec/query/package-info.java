/**
 * What GET requests asks for, with the standard's 90-day window and 1000 cap applied once.
 * May import spec.model, spec.error and java.*.
 */
package dev.open311.spec.query;
