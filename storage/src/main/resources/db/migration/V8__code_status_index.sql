-- GET requests by service code, newest first, reads one (code, status) range per arm and merges
-- them (ServiceRequestSearch.codeArms): with the status in the key, a page of one service's
-- closed requests no longer skips its open ones, nor one service's rows another's.
drop index service_request_by_code;
create index service_request_by_code_status
  on service_request (jurisdiction_id, service_code, status, requested_at desc, id desc);
