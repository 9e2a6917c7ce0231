-- What the status-report scripts share: a number per wrk thread (tid, so that threads do not march over the lines
-- in step) and the lines with their factories' MES tokens. From the environment:
--   BENCH_LINES   "LINE-ID:de LINE-ID:uk ..." (the letter pair is the region and names the token: BENCH_TOKEN_DE, ...)
local threads = {}

function setup(thread)
   thread:set("tid", #threads + 1)
   table.insert(threads, thread)
end

-- Every line as { id, region, token }, in the order BENCH_LINES names them.
function mes_lines()
   local lines = {}
   for entry in string.gmatch(os.getenv("BENCH_LINES"), "%S+") do
      local id, region = string.match(entry, "([^:]+):(%a+)")
      table.insert(lines, { id = id, region = region,
         token = "Bearer " .. os.getenv("BENCH_TOKEN_" .. string.upper(region)) })
   end
   return lines
end
