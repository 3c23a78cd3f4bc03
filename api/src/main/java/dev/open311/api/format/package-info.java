/**
 * The wire format of each call: the .json/.xml suffix chosen once before routing, the XML writer,
 * CORS. May import spec.format and spec.error.
 */
package dev.open311.api.format;
