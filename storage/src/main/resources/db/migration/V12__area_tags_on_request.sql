-- Area tags move onto the request row, as 'type:key' strings (a type is [a-z][a-z0-9_]*, so the
-- first ':' ends it), sorted, null when the request lies in no area. One row and two indexes per
-- tag (3 tags a request in Chicago) cost more than the request itself: 7.1 GB of tags and tag
-- indexes beside 11 GB of requests at 14 million, a third of an import's time, and a merge join
-- over 42 million rows in every full export. On the row they cost ~40 bytes and a GIN index
-- that compresses its posting lists; a page reads them with its rows.

-- Filled by rewriting the table once (ALTER TYPE ... USING, as a placeholder text column becomes
-- text[]): compact, its indexes rebuilt, and no trigger fires, so no request moves in the harvest
-- order. An UPDATE would leave every tagged row's old version behind, doubling the table. USING
-- takes no subquery, hence the function.
create function v12_area_tags(request bigint) returns text[] language sql stable as $$
  select array_agg(area_type || ':' || area_key order by area_type || ':' || area_key collate "C")
    from service_request_area
   where request_id = request
$$;
alter table service_request add column areas text;
alter table service_request alter column areas type text[] using v12_area_tags(id);
drop function v12_area_tags(bigint);

drop trigger service_request_area_cascade on service_request;
drop function service_request_area_cascade();
drop table service_request_area;

-- area_type=ward&area=42,43 is areas && '{ward:42,ward:43}'.
create index service_request_by_area on service_request using gin (areas);

-- Re-tagging after a boundary load rewrites areas only; like the tag rows before, that is not
-- a change of the request for harvesters, nor one that servers catching up after the load
-- (AreaRetag.changedSince) should look at again. The re-tag says so for its transaction.
create or replace function service_request_touch() returns trigger language plpgsql as $$
begin
  if current_setting('open311.retag', true) is distinct from 'on' then
    new.change_xid := pg_current_xact_id();
  end if;
  return new;
end
$$;

-- Tags with those of some types replaced by others, sorted and distinct; null when none are left.
-- Imports use it: a re-imported request gets the file's wards ... and keeps tags of other types.
create function area_tags_replaced(tags text[], types text[], replacements text[])
  returns text[] language sql immutable parallel safe as $$
  select nullif(array(select t
                        from (select t from unnest(tags) t where split_part(t, ':', 1) <> all(types)
                              union
                              select t from unnest(replacements) t where t is not null) kept
                       order by t collate "C"), '{}')
$$;
