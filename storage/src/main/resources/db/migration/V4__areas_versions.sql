-- Areas at scale: which version of each area type's boundaries is current, so that every
-- process holding an in-memory area index (each server) notices a load or delete made by
-- another one (the CLI), swaps its index and re-tags what it filed with the old boundaries; and
-- area tags that can be written by the million.

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

-- Tags are derived data written in bulk: millions per load of a type, and by imports. The
-- foreign key's check on every inserted tag locks the request's row (FOR KEY SHARE), which
-- dirties and logs every page of service_request: 19 s instead of 3 s per million tags here.
-- Writers only tag ids they have just read, so the key adds no safety they lack; the cascade it
-- gave is kept by a statement-level trigger, which costs nothing on insert.
alter table service_request_area drop constraint if exists service_request_area_request_id_fkey;

create function service_request_area_cascade() returns trigger language plpgsql as $$
begin
  delete from service_request_area a using gone where a.request_id = gone.id;
  return null;
end
$$;

create trigger service_request_area_cascade after delete on service_request
  referencing old table as gone
  for each statement execute function service_request_area_cascade();
