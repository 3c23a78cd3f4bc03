/**
 * One thin class per GeoReport v2 endpoint group: read typed parameters, call one collaborator,
 * return a spec document. May import spec.*, api.param and api.format, never storage.
 */
package dev.open311.api.resource;
