-- Paces wrk: each connection waits WRK_DELAY_MS (default 10) ms between a response and its next request, so the rate is
-- about connections / (delay + latency). bench/catalogue.sh picks the connections for a target rate (issue 21: B1's
-- p99 at half the ceiling's throughput), and prints the tail as bench/percentiles.lua does.
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "10")
delay = function()
  return pause
end
done = function(summary, latency, requests)
  io.write(string.format("P999 %.2fms\nMAX %.2fms\n", latency:percentile(99.9) / 1000, latency.max / 1000))
end
