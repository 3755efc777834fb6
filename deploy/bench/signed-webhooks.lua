-- wrk script of deploy/bench/whole-product-webhooks.sh: every request is a distinct post-call webhook, signed
-- beforehand (one "<signature>\t<body>" per line of the file given after --), shared out between wrk's threads.
-- A thread that runs out starts over, and says so: its repeats would not be distinct webhooks. With GET as the fourth
-- argument every request is a GET of the path instead (the baseline of the service's /actuator/health).
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local path, nthreads, target = args[1], tonumber(args[2]), args[3] or "/webhooks/elevenlabs/post-call"
  requests = {}
  next_request = 0
  wrapped = 0
  if args[4] == "GET" then
    get = wrk.format("GET", target)
    return
  end
  local i = 0
  for line in io.lines(path) do
    if i % nthreads == id then
      local tab = line:find("\t", 1, true)
      requests[#requests + 1] = wrk.format("POST", target,
        { ["Content-Type"] = "application/json", ["ElevenLabs-Signature"] = line:sub(1, tab - 1) },
        line:sub(tab + 1))
    end
    i = i + 1
  end
end

function request()
  if get then
    return get
  end
  next_request = next_request + 1
  if next_request > #requests then
    next_request = 1
    wrapped = wrapped + 1
  end
  return requests[next_request]
end

function done(summary, latency, requests)
  local wraps, late = 0, 0
  for _, thread in ipairs(threads) do
    wraps = wraps + thread:get("wrapped")
    late = late + (thread:get("late") or 0)
  end
  local non2xx = summary.errors.status
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d ok=%d non2xx=%d socket_errors=%d seconds=%.2f rate=%.0f " ..
    "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f wrapped=%d late_sends=%d\n",
    summary.requests, summary.requests - non2xx, non2xx, socket, summary.duration / 1e6,
    (summary.requests - non2xx) / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, wraps, late))
end
