-- wrk script of deploy/bench/whole-product-webhooks.sh: the signed webhooks of signed-webhooks.lua, sent at a fixed
-- rate (the fourth argument after --, requests per second over all threads) instead of as fast as answers come back.
-- Each thread keeps a schedule of send slots; a connection that is free takes the next slot, and one that comes back
-- after its slot has passed sends at once, so a slow answer delays no one else's slot and the rate holds. A send more
-- than 10 ms behind its slot is counted (late_sends): had no connection been free, what wrk measures from the send
-- would leave out that wait, so the p99 holds only while late_sends stays near zero.
dofile("deploy/bench/signed-webhooks.lua")

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } revos_timespec;
  int clock_gettime(int clock, revos_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("revos_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local signed_init = init

function init(args)
  signed_init(args)
  interval_ms = 1000 / (tonumber(args[4]) / tonumber(args[2]))
  next_slot = nil
  late = 0
end

function delay()
  local now = now_ms()
  local slot = next_slot or now
  next_slot = slot + interval_ms
  if slot < now - 10 then
    late = late + 1
  end
  return math.max(0, math.floor(slot - now + 0.5))
end
