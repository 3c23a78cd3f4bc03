-- GET service requests, 50 to a page: a random page among the first BENCH_MAX_PAGE (default 20,
-- the newest 1,000 matches, as people browse; harvesting goes deeper with a cursor), with one of a
-- few filter mixes residents' apps and harvesters use.
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
local common = require("common")
setup = common.setup

local max_page = tonumber(os.getenv("BENCH_MAX_PAGE") or "20")
local filters = {
  "",
  "",
  "&status=open",
  "&service_code=PHF",
  "&service_code=SGA,SFD,GRAF&status=closed",
  "&status=closed",
}

function init(args)
  common.seed()
end

function request()
  local page = math.random(max_page)
  local filter = filters[math.random(#filters)]
  return wrk.format("GET", common.base .. "requests.json?page_size=50&page=" .. page .. filter)
end
