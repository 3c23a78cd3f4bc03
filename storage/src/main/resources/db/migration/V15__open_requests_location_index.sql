-- Open requests nearest first: what a resident looks at before filing a duplicate. The GiST index
-- of every location served it by walking nearest first and fetching each request it passed to
-- test its status, and the planner, which takes any box on points for 0.1% of the table, often
-- preferred ANDing that index's bitmap with the open-time index's: at 10.7M requests (1.1M open)
-- the first page within 1 km of City Hall took 1.2 s, within 3 km 2.6 s. On this index, which
-- holds the open requests alone, both take 0.03 s (ServiceRequestSearch, sort=distance).
create index service_request_open_location
  on service_request using gist (location) where status = 'open';
