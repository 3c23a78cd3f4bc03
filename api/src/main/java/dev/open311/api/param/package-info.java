/**
 * Typed parameter parsing: empty-means-absent, comma lists, W3C dates, statuses, the form body
 * and its attribute[CODE] keys. May import spec.model, spec.error, spec.format.
 */
package dev.open311.api.param;
