/**
 * Typed parameter parsing: empty-means-absent, comma lists, W3C dates, statuses, the form body
 * and its attribute[CODE] keys, the GET requests search. May import spec.model, spec.error,
 * spec.format and spec.query.
 */
package dev.open311.api.param;
