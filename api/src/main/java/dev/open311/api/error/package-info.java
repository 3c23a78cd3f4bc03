/**
 * Exception mappers: every failure, ours, Jersey's or Jackson's, becomes an Open311 errors
 * document in the call's format. May import spec.error, spec.format and api.format.
 */
package dev.open311.api.error;
