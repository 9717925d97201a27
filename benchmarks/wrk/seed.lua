-- The seed's request (curl --data '{"hello": "world"}' -H 'Content-Type: application/json'
-- 'http://localhost:8080/main.handler?param=one'), with curl's headers, and one RESULT line
-- at the end for benchmarks/run.sh. Latencies are in microseconds.
wrk.method = "POST"
wrk.body = '{"hello": "world"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["User-Agent"] = "curl/7.64.1"
wrk.headers["Accept"] = "*/*"

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d bytes=%d errors=%d non2xx=%d p50_us=%d p90_us=%d p99_us=%d mean_us=%.1f max_us=%d\n",
    summary.requests, summary.duration, summary.bytes,
    e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max))
end
