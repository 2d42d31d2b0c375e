-- wrk script for bench/run.sh: POST /api/v1/ratings with a distinct id per request (a fresh rating,
-- never a replay), the widget's text/plain body and an allowed Origin.
-- Optional pacing: set env RATE (requests/s for the whole run) and CONNECTIONS to measure latency at a fixed load.
local counter = 0
local thread_id = 0
local rate = tonumber(os.getenv("RATE") or "0")
local connections = tonumber(os.getenv("CONNECTIONS") or "1")
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
  thread_id = tid or 0
end

-- an id like the widget's: time-ordered (UUID version 7), the time in ms first (seconds from os.time, the
-- milliseconds from the counter), then random digits, then the thread and the counter (unique in the run)
local function uuid()
  counter = counter + 1
  local ms = os.time() * 1000 + counter % 1000
  return string.format("%08x-%04x-7%03x-%x%03x-%04x%08x", math.floor(ms / 65536), ms % 65536,
    math.random(0, 0xfff), 8 + math.random(0, 3), math.random(0, 0xfff), thread_id, counter)
end

local satisfactions = { "good", "good", "good", "average", "bad" }

function request()
  counter = counter + 1
  local body = '{"id":"' .. uuid() .. '","service":"bench","location":"' .. string.format("%05d", 1000 + counter % 5000)
    .. '","source":"button","satisfaction":"' .. satisfactions[counter % 5 + 1]
    .. '","clarity":4,"help":["phone"],"helpReached":true,"helpQuality":4,'
    .. '"comment":"Très bien, merci 😀","page":"https://bench.example.fr/fin","lang":"fr","elapsed":8000}'
  return wrk.format("POST", "/api/v1/ratings",
    { ["Content-Type"] = "text/plain;charset=UTF-8", ["Origin"] = "https://bench.example.fr" }, body)
end

function delay()
  if rate <= 0 then return 0 end
  -- each connection waits so that all of them together send RATE requests per second
  return math.floor(1000 * connections / rate)
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n", summary.requests / s,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
