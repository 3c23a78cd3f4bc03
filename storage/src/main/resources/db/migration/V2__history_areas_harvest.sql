-- Maps, feeds and scale: the Chicago-compatible request fields, each request's public history
-- (notes, which also feed servicerequestupdates), named areas (wards, community areas ...) and
-- the request-to-area tags, and a gap-free change order for harvesting.

alter table service_request
  -- How the request came in (Chicago ORIGIN: phone, internet, mobile device ... ; api for POSTs).
  add column channel                   text,
  add column duplicate                 boolean not null default false,
  -- The master request of a duplicate (its public id).
  add column parent_service_request_id text,
  add column closed_at                 timestamptz,
  -- The transaction that last wrote the row. Rows whose change_xid is below the oldest running
  -- transaction (pg_snapshot_xmin(pg_current_snapshot())) are settled: no transaction still
  -- running can commit a row that sorts before them, so (change_xid, id) is a harvest order
  -- with neither gaps nor repeats, even while requests keep arriving.
  add column change_xid                xid8 not null default pg_current_xact_id();

create index service_request_change on service_request (jurisdiction_id, change_xid, id);
create index service_request_updated on service_request (jurisdiction_id, updated_at, id);
drop index service_request_by_update;
create index service_request_parent on service_request (parent_service_request_id)
  where parent_service_request_id is not null;

create function service_request_touch() returns trigger language plpgsql as $$
begin
  new.change_xid := pg_current_xact_id();
  return new;
end
$$;

create trigger service_request_touch before update on service_request
  for each row execute function service_request_touch();

-- The public history of a request: opened, status changes, comments, crew activity,
-- follow-on requests. A note with a status is a status change.
create table service_request_note (
  id          bigserial primary key,
  request_id  bigint not null references service_request on delete cascade,
  type        text not null,
  status      text check (status in ('open', 'closed')),
  datetime    timestamptz not null,
  summary     text,
  description text,
  -- Chicago's follow-on notes carry the child request: service_request_id, service_name ...
  extended_attributes jsonb,
  media_url   text
);

create index service_request_note_by_request on service_request_note (request_id, datetime, id);
create index service_request_note_by_time on service_request_note (datetime, id);

-- Named polygons of any type (ward, community_area, police_district ...), EPSG:4326.
create table area (
  id          bigserial primary key,
  area_type   text not null,
  area_key    text not null,
  name        text,
  -- The geometry as WKB, read by JTS; the box pre-filters without a spatial extension.
  geometry    bytea not null,
  bounds      box not null,
  loaded_at   timestamptz not null,
  unique (area_type, area_key)
);

-- The areas containing each request's location, tagged when it is filed and re-tagged in bulk
-- when a type is reloaded.
create table service_request_area (
  request_id bigint not null references service_request on delete cascade,
  area_type  text not null,
  area_key   text not null,
  primary key (request_id, area_type, area_key)
);

create index service_request_area_lookup on service_request_area (area_type, area_key, request_id);
