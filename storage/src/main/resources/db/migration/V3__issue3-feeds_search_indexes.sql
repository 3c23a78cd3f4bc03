-- Indexes for the GET requests extensions (issue 3), each yielding a search's order without
-- sorting everything that matches: a page of 50 reads about 50 index entries.

-- One service_code or status, newest first with the id tie-break (V1's lacked the id, so the
-- planner walked the whole newest-first index and filtered).
drop index service_request_by_code;
create index service_request_by_code
  on service_request (jurisdiction_id, service_code, requested_at desc, id desc);
drop index service_request_by_status;
create index service_request_by_status
  on service_request (jurisdiction_id, status, requested_at desc, id desc);

-- The newest requests in a small circle: by 0.01-degree cell of the point, then newest first.
-- The expression must stay equal to NewestNearby.CELL, which the searches write.
create index service_request_by_cell
  on service_request (jurisdiction_id,
                      (((floor(lat * 100) + 9000) * 40000 + floor(long * 100) + 18000)::integer),
                      requested_at desc, id desc);
