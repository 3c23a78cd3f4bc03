/**
 * The catalog file a city loads with {@code catalog load} and gets back from {@code catalog
 * export}: jurisdictions, groups, services and their definitions, in JSON or YAML.
 * May import spec.model, spec.format, spec.error and Jackson.
 */
package dev.open311.spec.catalog;
