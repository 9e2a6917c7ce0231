-- Batches of status reports with output (POST /api/regions/{region}/status-reports), each report with a reportId of
-- its own, the regions taking turns request by request, each batch sent with its region's MES token and naming that
-- region's lines round-robin. From the environment:
--   BENCH_LINES       see mes-lines.lua
--   BENCH_BATCH_SIZE  reports per batch (at most 500, the endpoint's limit)
--   BENCH_RUN_ID      unique per round, so that no round replays another's reports
dofile(os.getenv("BENCH_WRK_SUMMARY"))
dofile(string.match(os.getenv("BENCH_WRK_SUMMARY"), "(.*/)") .. "mes-lines.lua")

local counter = 0

function init(args)
   regions = {}
   for _, line in ipairs(mes_lines()) do
      if regions[line.region] == nil then
         regions[line.region] = { name = line.region, lines = {}, token = line.token }
      end
      table.insert(regions[line.region].lines, line.id)
   end
   order = {}
   for _, region in pairs(regions) do table.insert(order, region) end
   size = tonumber(os.getenv("BENCH_BATCH_SIZE"))
   run = os.getenv("BENCH_RUN_ID")
   counter = (tid - 1) * 7
end

function request()
   counter = counter + 1
   local region = order[(counter % #order) + 1]
   local now = os.date("!%Y-%m-%dT%H:%M:%S")
   local items = {}
   for i = 1, size do
      local line = region.lines[((counter * size + i) % #region.lines) + 1]
      items[i] = string.format(
         '{"lineId":"%s","report":{"reportId":"%s-%d-%d-%d","observedAt":"%s.%06dZ","state":"RUNNING","goodUnits":1,"scrapUnits":0}}',
         line, run, tid, counter, i, now, (counter * size + i) % 1000000)
   end
   return wrk.format("POST", "/api/regions/" .. region.name .. "/status-reports",
      { ["Authorization"] = region.token, ["Content-Type"] = "application/json" },
      '{"reports":[' .. table.concat(items, ",") .. ']}')
end
