-- Status reports with output, each with a reportId of its own, spread round-robin over the lines of both
-- regions, each sent with the token of its factory's MES. From the environment:
--   BENCH_LINES   see mes-lines.lua
--   BENCH_RUN_ID  unique per round, so that no round replays another's reports
dofile(os.getenv("BENCH_WRK_SUMMARY"))
dofile(string.match(os.getenv("BENCH_WRK_SUMMARY"), "(.*/)") .. "mes-lines.lua")

local counter = 0

function init(args)
   lines = mes_lines()
   run = os.getenv("BENCH_RUN_ID")
   -- each thread starts at another line, so the threads do not march over the lines in step
   counter = (tid - 1) * 7
end

function request()
   counter = counter + 1
   local line = lines[(counter % #lines) + 1]
   local body = string.format(
      '{"reportId":"%s-%d-%d","observedAt":"%s.%06dZ","state":"RUNNING","goodUnits":1,"scrapUnits":0}',
      run, tid, counter, os.date("!%Y-%m-%dT%H:%M:%S"), counter % 1000000)
   return wrk.format("POST", "/api/lines/" .. line.id .. "/status-reports",
      { ["Authorization"] = line.token, ["Content-Type"] = "application/json" }, body)
end
