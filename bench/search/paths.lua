-- wrk script for bench/search-page.sh: cycles through the request paths in PATHS_FILE (one a line,
-- already URL-encoded), each thread starting at its own offset so that threads ask different
-- queries. With ONCE=1 every thread stops after its share, so each path is asked exactly once
-- (run it with one thread and one connection for that); it then creates DONE_FILE, because wrk
-- sleeps out its whole -d duration anyway, and the caller interrupts it (SIGINT, after which wrk
-- still reports). At the end it prints one line:
-- "requests p50_ms p90_ms p99_ms max_ms" over every request, from wrk's own latency record.

local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  if line ~= "" then paths[#paths + 1] = line end
end

local threads = {}
local counter = 0

function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local i = 0
local answered = 0
local once = os.getenv("ONCE") == "1"

function init(args)
  i = offset or 0
end

function request()
  local path = paths[(i % #paths) + 1]
  i = i + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  answered = answered + 1
  if status ~= 200 then
    io.stderr:write("status " .. status .. "\n")
  end
  if once and answered >= #paths then
    wrk.thread:stop()
    -- wrk itself sleeps out its -d duration: the script tells the caller, who interrupts it.
    local done = io.open(os.getenv("DONE_FILE"), "w")
    done:close()
  end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT %d %.2f %.2f %.2f %.2f %d\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end
