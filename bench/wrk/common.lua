-- Shared by the wrk scripts of bench/run.sh: per-thread random seeds and the API base path.
local common = {}

common.base = os.getenv("BENCH_BASE_PATH") or "/open311/v2/"

local threads = 0

-- Runs in wrk's main Lua state once per thread: hands each thread its own number.
function common.setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

-- Runs in the thread's own Lua state; without distinct seeds the threads would repeat each other.
function common.seed()
  math.randomseed(os.time() * 7919 + (thread_number or 0) * 104729)
end

function common.uniform(low, high)
  return low + (high - low) * math.random()
end

return common
