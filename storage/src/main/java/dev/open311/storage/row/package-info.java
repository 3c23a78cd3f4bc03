/**
 * Records mirroring tables, as the DAOs read and write them; they never leave this module.
 * May import only java.*.
 */
package dev.open311.storage.row;
