-- The newest requests in a small circle or box (NewestNearby) now read every cell the area
-- touches in one statement of fixed text: a few cells wholly inside give a time bound, and the
-- rest are read only down to it. Finer cells (0.002 degree, about 220 x 165 m in Chicago instead
-- of 1.1 x 0.8 km) put most of a 500 m circle's cells wholly inside it, so no cell is read for
-- the few rows of it the circle covers. The expression must stay equal to NewestNearby.CELL.
drop index service_request_by_cell;
create index service_request_by_cell
  on service_request (jurisdiction_id,
                      (((floor(lat * 500) + 45000) * 200000 + floor(long * 500) + 90000)::bigint),
                      requested_at desc, id desc)
  include (lat, long);
