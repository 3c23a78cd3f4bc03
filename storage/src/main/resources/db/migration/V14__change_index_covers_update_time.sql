-- A harvest with updated_after walks change order until its first request updated in the range.
-- With the update time in the change index the walk reads the index alone (an index-only scan)
-- instead of fetching every row it passes for that time: a first page whose range held the last
-- 142,000 changes of 20M requests took 10-30 s, fetching nearly every row (ServiceRequestSearch).
drop index service_request_change;
create index service_request_change
  on service_request (jurisdiction_num, change_xid, id) include (updated_at);
