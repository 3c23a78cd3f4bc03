-- Index-only scans (the newest-first pages, the cell index of radius searches) skip the table
-- only for pages the visibility map marks all-visible, and vacuum is what marks them. By default
-- inserts alone start autovacuum after 20% of the table: 2.7 million new requests at 13 million,
-- so the newest requests, the ones every list and map shows first, were always looked up in the
-- table as well (557 buffers instead of 15 for the keys of a page 11 deep). Vacuum the table
-- every 10,000 new requests, and after status changes to 1% of it; vacuum skips the pages
-- already all-visible, so each run reads little more than what changed.
alter table service_request set (
  autovacuum_vacuum_insert_threshold = 10000,
  autovacuum_vacuum_insert_scale_factor = 0,
  autovacuum_vacuum_scale_factor = 0.01);
