/**
 * The command line: serve, apikey, catalog, import, export, generate. Each command reads its options, opens the storage
 * facade and calls spec ports. May import api.server, spec and the storage facade.
 */
package dev.open311.api.cli;
