/**
 * The spec.port implementations: DAO calls, mapping and one transaction per write.
 * May import spec.*, storage.dao, storage.row, storage.mapping and JDBI.
 */
package dev.open311.storage.repository;
