-- The figures the benchmark scripts read, on one line after wrk's own report:
-- BENCH <requests/s> <p50 ms> <p99 ms> <requests> <errors: socket errors and answers that are no 2xx/3xx>
-- A script that defines its own requests loads this one first (dofile(os.getenv("BENCH_WRK_SUMMARY"))).
function done(summary, latency, requests)
   local e = summary.errors
   local errors = e.connect + e.read + e.write + e.timeout + e.status
   io.write(string.format("BENCH %.1f %.3f %.3f %d %d\n",
      summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.requests, errors))
end
