-- GET service request: one request by a random existing id. BENCH_IDS names a file of ids, one a
-- line (bench/run.sh samples it from the database); without it ids 1..BENCH_REQUESTS are used.
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
local common = require("common")
setup = common.setup

local ids = {}
local count = 0
local max_id = tonumber(os.getenv("BENCH_REQUESTS") or "1000")

function init(args)
  common.seed()
  local file = os.getenv("BENCH_IDS")
  if file and file ~= "" then
    for line in io.lines(file) do
      if line ~= "" then
        count = count + 1
        ids[count] = line
      end
    end
  end
end

function request()
  local id
  if count > 0 then
    id = ids[math.random(count)]
  else
    id = tostring(math.random(max_id))
  end
  return wrk.format("GET", common.base .. "requests/" .. id .. ".json")
end
