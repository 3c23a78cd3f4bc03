-- POST service request: a rat complaint (SGA, realtime) with its required attributes, at a random
-- point in Chicago, with the key in BENCH_API_KEY. Every POST is a durable commit.
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
local common = require("common")
setup = common.setup

local key = os.getenv("BENCH_API_KEY") or ""
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }

function init(args)
  common.seed()
end

function request()
  local body = "api_key=" .. key
    .. "&service_code=SGA"
    .. "&lat=" .. string.format("%.6f", common.uniform(41.70, 41.98))
    .. "&long=" .. string.format("%.6f", common.uniform(-87.80, -87.60))
    .. "&attribute%5BWHERERAT%5D%5B%5D=ALLEY"
    .. "&attribute%5BGARBALLY%5D=Y"
    .. "&description=Rats+by+the+dumpsters+%28benchmark%29"
  return wrk.format("POST", common.base .. "requests.json", headers, body)
end
