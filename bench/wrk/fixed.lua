-- One fixed path, from BENCH_PATH (the catalog reads and the ceiling).
local path = os.getenv("BENCH_PATH") or "/"

function request()
  return wrk.format("GET", path)
end
