-- Bulk import bookkeeping: how far each import of a file has got. The row advances, in file
-- order, as soon as a batch and all before it have committed, so after an interruption (Ctrl-C,
-- a crash) the import resumes after the last recorded batch (a batch committed but not yet
-- recorded is written again, which changes nothing), and a finished import of an unchanged file
-- is not redone.
create table import_progress (
  -- The file's absolute path; with its size and modification time it identifies one version.
  source           text not null,
  jurisdiction_id  text not null references jurisdiction,
  file_size        bigint not null,
  file_modified_at timestamptz not null,
  -- Where the first record not yet committed starts: its byte offset and its line number.
  next_offset      bigint not null,
  next_line        bigint not null,
  rows_imported    bigint not null,
  rows_rejected    bigint not null,
  started_at       timestamptz not null,
  updated_at       timestamptz not null,
  finished_at      timestamptz,
  primary key (source, jurisdiction_id)
);
