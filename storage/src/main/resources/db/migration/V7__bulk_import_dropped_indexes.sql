-- Indexes a bulk import dropped to load faster (PostgreSQL builds an index from sorted rows in a
-- fraction of what it spends maintaining it row by row), each with the statement that builds it
-- again. The rows are written in the transaction that drops the indexes and deleted in the one
-- that rebuilds each, so whatever stops an import (Ctrl-C, a crash) this table names exactly the
-- indexes missing, and the next import or start of storage builds them.
create table import_dropped_index (
  index_name text primary key,
  table_name text not null,
  -- pg_get_indexdef() of the index when it was dropped.
  definition text not null,
  dropped_at timestamptz not null
);
