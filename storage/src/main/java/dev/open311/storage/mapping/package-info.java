/**
 * Row to spec conversions and hand-written row mappers: the only place both worlds meet.
 * May import storage.row, spec.model, spec.catalog and JDBI's mapper interfaces.
 */
package dev.open311.storage.mapping;
