/**
 * The single composition root: configuration, storage, the Jersey application and Jetty.
 * May import every api package, spec and the storage facade.
 */
package dev.open311.api.server;
