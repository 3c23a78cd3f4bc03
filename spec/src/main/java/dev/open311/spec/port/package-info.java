/**
 * What the server needs from storage, in spec types only. Implemented by the storage module.
 * May import spec.model, spec.query, spec.catalog and java.*.
 */
package dev.open311.spec.port;
