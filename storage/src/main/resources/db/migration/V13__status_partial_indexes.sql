-- The newest requests of one status, or of one service and status, come from partial indexes,
-- one a status, keyed without text. status takes two values (its check), so a partial index per
-- value holds the same entries as one index with the status in its key; a search names the status
-- as a literal, which the planner matches to the index's predicate (ServiceRequestSearch).
--
-- Why: after a bulk import every secondary index is built again, and text in the key is what made
-- these two the slowest to build. A text column before the others defeats PostgreSQL's
-- abbreviated keys and its cached column offsets, so every comparison of the sort reads the text
-- and walks the tuple for the later columns. On a million imported requests, one build at a time:
--   (jurisdiction_id, service_code, status, requested_at desc, id desc)  3.25 s
--   (service_id, requested_at desc, id desc), open and closed            0.28 + 0.98 s
--   (jurisdiction_id, status, requested_at desc, id desc)                1.99 s
--   (jurisdiction_id, requested_at desc, id desc), open and closed       0.31 + 1.33 s
-- service_id stands for (jurisdiction, service code): a service belongs to one jurisdiction and
-- its code never changes, and every request copies both from its service.
drop index service_request_by_code_status;
create index service_request_open_by_service
  on service_request (service_id, requested_at desc, id desc) where status = 'open';
create index service_request_closed_by_service
  on service_request (service_id, requested_at desc, id desc) where status = 'closed';

drop index service_request_by_status;
create index service_request_open
  on service_request (jurisdiction_id, requested_at desc, id desc) where status = 'open';
create index service_request_closed
  on service_request (jurisdiction_id, requested_at desc, id desc) where status = 'closed';
