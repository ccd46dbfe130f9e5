-- wrk reports p50/p75/p90/p99 only; this prints the tail the benchmarks record (p99.9 and the maximum), in ms.
done = function(summary, latency, requests)
  io.write(string.format("P999 %.2fms\nMAX %.2fms\n", latency:percentile(99.9) / 1000, latency.max / 1000))
end
