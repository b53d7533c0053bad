-- wrk's summary as one JSON line (latencies in microseconds), read by bench/load.py,
-- with what wrk does not count itself: answers outside 2xx (it counts only >= 400)
-- and answers served from the page cache (X-Page-Cache: hit).
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  responses, non2xx, hits = 0, 0, 0
end

response = function(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
  if headers["X-Page-Cache"] == "hit" then hits = hits + 1 end
end

done = function(summary, latency, requests)
  local responses, non2xx, hits = 0, 0, 0
  for _, thread in ipairs(threads) do
    responses = responses + thread:get("responses")
    non2xx = non2xx + thread:get("non2xx")
    hits = hits + thread:get("hits")
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, "non_2xx": %d}, ' ..
    '"responses": %d, "page_cache_hits": %d, ' ..
    '"latency_us": {"p50": %d, "p95": %d, "p99": %d, "mean": %.1f, "max": %d}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout, non2xx,
    responses, hits,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.mean, latency.max))
end
