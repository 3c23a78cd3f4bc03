-- GET the open requests within 1 km of a random point in Chicago, nearest first, 50 to a page:
-- what a resident's app shows before filing, so as not to report a pothole twice.
package.path = debug.getinfo(1, "S").source:match("@?(.*/)") .. "?.lua;" .. package.path
local common = require("common")
setup = common.setup

-- The same points as radius.lua: inside the city limits, away from the lake.
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
    common.base .. "requests.json?lat=" .. lat .. "&long=" .. long
      .. "&radius=1000&status=open&sort=distance&page_size=50")
end
