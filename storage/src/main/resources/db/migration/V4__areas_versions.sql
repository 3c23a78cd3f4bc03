-- Which version of each area type's boundaries is current, so that every process holding an
-- in-memory area index (each server) notices a load or delete made by another one (the CLI),
-- swaps its index, and re-tags the requests it filed with the old boundaries meanwhile.
create sequence area_version;

create table area_load (
  area_type   text primary key,
  -- From area_version: a server compares max(version) with the one its index was built from.
  version     bigint not null,
  -- The oldest transaction still running when the type's tags were rewritten: every request
  -- the rewrite did not see has change_xid >= tagged_xmin, so the re-tag of what servers filed
  -- with the old boundaries only has to look at those.
  tagged_xmin xid8 not null,
  changed_at  timestamptz not null
);
