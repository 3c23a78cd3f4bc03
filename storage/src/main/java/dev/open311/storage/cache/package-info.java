/**
 * In-process caches in front of the spec.port implementations for what is read on every call.
 * May import spec.*, storage.dao, JDBI and slf4j.
 */
package dev.open311.storage.cache;
