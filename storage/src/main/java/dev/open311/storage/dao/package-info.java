/**
 * JDBI SqlObject interfaces (SQL in text blocks, returning rows) and the one dynamic search.
 * May import storage.row, storage.mapping, JDBI, and spec.query and spec.model for the search.
 */
package dev.open311.storage.dao;
