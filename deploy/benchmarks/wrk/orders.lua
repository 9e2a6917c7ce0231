-- Orders placed by the order desk, each with an Idempotency-Key of its own, a mix of customer classes as the
-- platform brief names them: of every ten orders five UA_DEFENCE, three PARTNER_DEFENCE and two EXPORT (through
-- the demo export centres, to countries the bench licences permit); 1 to 10 units, needed 30 to 179 days ahead.
-- From the environment:
--   BENCH_ORDER_TECHNOLOGY  the technology ordered
--   BENCH_TOKEN_DESK        the order desk's access token
--   BENCH_RUN_ID            unique per round, so that no round replays another's keys
dofile(os.getenv("BENCH_WRK_SUMMARY"))

local threads = {}
local counter = 0
local centres = { { "ee-tallinn", "EE" }, { "lv-riga", "LV" }, { "lt-vilnius", "LT" }, { "fi-helsinki", "FI" },
   { "se-gothenburg", "SE" }, { "no-oslo", "NO" }, { "dk-aarhus", "DK" }, { "pl-rzeszow", "PL" } }

function setup(thread)
   thread:set("tid", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   technology = os.getenv("BENCH_ORDER_TECHNOLOGY")
   token = "Bearer " .. os.getenv("BENCH_TOKEN_DESK")
   run = os.getenv("BENCH_RUN_ID")
   dates = {}
   for days = 30, 179 do
      table.insert(dates, os.date("!%Y-%m-%d", os.time() + days * 86400))
   end
   counter = (tid - 1) * 7
end

function request()
   counter = counter + 1
   local kind = counter % 10
   local class, export = "UA_DEFENCE", ""
   if kind >= 8 then
      local centre = centres[(counter % #centres) + 1]
      class = "EXPORT"
      export = string.format(',"destinationCountry":"%s","exportCentreId":"%s"', centre[2], centre[1])
   elseif kind >= 5 then
      class = "PARTNER_DEFENCE"
   end
   local body = string.format(
      '{"customerClass":"%s","customer":"Bench customer %d","technologyCode":"%s","quantity":%d,"neededBy":"%s"%s}',
      class, counter % 50, technology, 1 + counter % 10, dates[(counter % #dates) + 1], export)
   return wrk.format("POST", "/api/orders", { ["Authorization"] = token, ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = string.format("%s-%d-%d", run, tid, counter) }, body)
end
