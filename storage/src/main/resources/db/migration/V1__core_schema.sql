-- The GeoReport v2 core: the catalog (jurisdictions, groups, services and their definitions),
-- filed service requests with their answers, the requester's personal data apart, and API keys.
-- Plain PostgreSQL only (no extension), so the embedded server and any managed one behave alike.

create table jurisdiction (
  jurisdiction_id text primary key,
  name            text not null,
  time_zone       text not null,
  contact         text,
  key_service     text,
  updated_at      timestamptz not null
);

create table service_group (
  id              bigserial primary key,
  jurisdiction_id text not null references jurisdiction,
  name            text not null,
  description     text,
  unique (jurisdiction_id, name)
);

create table service (
  id                 bigserial primary key,
  jurisdiction_id    text not null references jurisdiction,
  service_code       text not null,
  service_name       text not null,
  description        text,
  type               text not null check (type in ('realtime', 'batch', 'blackbox')),
  keywords           text,
  group_id           bigint references service_group,
  agency_responsible text,
  service_notice     text,
  expected_days      integer check (expected_days >= 0),
  updated_at         timestamptz not null,
  unique (jurisdiction_id, service_code)
);

-- A service's definition is replaced as a whole when the catalog is loaded, hence the cascades.
create table service_attribute (
  id                   bigserial primary key,
  service_id           bigint not null references service on delete cascade,
  code                 text not null,
  variable             boolean not null,
  datatype             text not null check (datatype in
                         ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist')),
  required             boolean not null,
  datatype_description text,
  display_order        integer not null,
  description          text,
  unique (service_id, code)
);

create table attribute_value (
  attribute_id bigint not null references service_attribute on delete cascade,
  key          text not null,
  name         text,
  position     integer not null,
  primary key (attribute_id, key)
);

create table service_request (
  id                 bigserial primary key,
  -- The public id: the decimal text of id unless an import brings its own (e.g. SR19-01234567).
  service_request_id text not null unique,
  jurisdiction_id    text not null references jurisdiction,
  service_id         bigint not null references service,
  -- Copied from the service so GET requests filters without a join.
  service_code       text not null,
  status             text not null check (status in ('open', 'closed')),
  status_notes       text,
  description        text,
  agency_responsible text,
  service_notice     text,
  requested_at       timestamptz not null,
  updated_at         timestamptz not null,
  expected_at        timestamptz,
  address            text,
  address_id         text,
  zipcode            text,
  lat                double precision,
  long               double precision,
  -- x = long, y = lat; the built-in GiST point index serves radius and box searches.
  location           point,
  media_url          text,
  -- Only batch services hand out a token; GET tokens/{token} resolves it.
  token              text unique
);

create index service_request_newest on service_request (jurisdiction_id, requested_at desc, id desc);
create index service_request_by_code on service_request (jurisdiction_id, service_code, requested_at desc);
create index service_request_by_status on service_request (jurisdiction_id, status, requested_at desc);
create index service_request_by_update on service_request (updated_at, id);
create index service_request_location on service_request using gist (location);

-- Personal data lives apart so that no public query can select it by accident.
create table service_request_contact (
  request_id bigint primary key references service_request on delete cascade,
  email      text,
  phone      text,
  first_name text,
  last_name  text,
  device_id  text,
  account_id text
);

-- Answers keep code and datatype as text: they must outlive a later change of the definition.
create table service_request_answer (
  request_id bigint not null references service_request on delete cascade,
  code       text not null,
  datatype   text not null,
  value      text not null,
  position   integer not null,
  primary key (request_id, position)
);

-- Only a SHA-256 of each key is kept; the prefix lets an operator recognise a key in a list.
create table api_key (
  id         bigserial primary key,
  name       text not null,
  key_hash   text not null unique,
  key_prefix text not null,
  created_at timestamptz not null,
  revoked_at timestamptz
);

create unique index api_key_active_name on api_key (name) where revoked_at is null;
