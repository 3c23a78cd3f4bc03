/**
 * The one home of wire rules: the JSON and XML mappers, list document names and W3C datetimes.
 * May import spec.model and spec.error, Jackson and java.*.
 */
package dev.open311.spec.format;
