-- wrk script for benches/http.sh: each request holds one seat for 10 minutes; the seat is
-- random over ROWS rows of PER seats (labels R<row>-<seat>), or with HOT=1 always R1-1.
-- Counts 201s, 409s and everything else per thread; `done` prints one RESULT line.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
  created, conflicts, other = 0, 0, 0
  rows = tonumber(os.getenv("ROWS") or "100")
  per = tonumber(os.getenv("PER") or "2000")
  hot = os.getenv("HOT") == "1"
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("KEY")
end

function request()
  local label = "R1-1"
  if not hot then
    label = "R" .. math.random(1, rows) .. "-" .. math.random(1, per)
  end
  return wrk.format(nil, os.getenv("HOLD_PATH"), nil,
    '{"seats":["' .. label .. '"],"ttl":"10m"}')
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 409 then
    conflicts = conflicts + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, k, o = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    k = k + t:get("conflicts")
    o = o + t:get("other")
  end
  local secs = summary.duration / 1e6
  io.write(string.format("RESULT %d %d %d %d %.2f %.2f %.2f\n", c, k, o,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    (c + k + o) / secs, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
