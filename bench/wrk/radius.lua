-- GET service requests within 500 m of a random point in Chicago, up to 50 of them.
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
local common = require("common")
setup = common.setup

-- Inside the city limits, away from the lake: every point has requests around it.
local south, north = 41.70, 41.98
local west, east = -87.80, -87.60

function init(args)
  common.seed()
end

function request()
  local lat = string.format("%.6f", common.uniform(south, north))
  local long = string.format("%.6f", common.uniform(west, east))
  return wrk.format(
    "GET",
    common.base .. "requests.json?lat=" .. lat .. "&long=" .. long .. "&radius=500&page_size=50")
end
