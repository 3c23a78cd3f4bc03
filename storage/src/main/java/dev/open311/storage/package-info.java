/**
 * The storage facade the api module opens: {@link dev.open311.storage.Storage} and its config.
 * May import spec.*, its own sub-packages, JDBI, HikariCP and slf4j; never anything of HTTP.
 */
package dev.open311.storage;
