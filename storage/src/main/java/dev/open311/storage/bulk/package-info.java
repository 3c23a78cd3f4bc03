/**
 * Bulk data: the Chicago data-portal CSV import (COPY into a staging table, set-based upserts,
 * resumable), the streamed research feed and the synthetic request generator. May import spec.*,
 * the storage dao and db packages, JDBI and the PostgreSQL driver's COPY API.
 */
package dev.open311.storage.bulk;
