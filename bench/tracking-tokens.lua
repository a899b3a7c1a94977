-- wrk script for bench/tracking-page.sh.
--
--   wrk ... -s bench/tracking-tokens.lua http://127.0.0.1:8089 -- TOKENS_FILE [PATH_PREFIX]
--
-- With a tokens file, each request asks for PATH_PREFIX .. token (default "/t/"), walking the
-- file round-robin so the server sees thousands of different orders, not one hot row.
-- Without arguments the URL's own path is requested (used for the trivial /healthz baseline).
-- done() prints one machine-readable RESULT line for the shell script to parse.

local counter = 1
local threads = {}

local paths = nil

function setup(thread)
   -- Each thread starts at a different place in the file so they do not ask for the same order in step.
   thread:set("thread_index", #threads)
   table.insert(threads, thread)
end

function init(args)
   local file = args[1]
   if file == nil or file == "" then return end
   local prefix = args[2] or "/t/"
   paths = {}
   for line in io.lines(file) do
      local token = line:match("^%s*(.-)%s*$")
      if token ~= "" then paths[#paths + 1] = prefix .. token end
   end
   if #paths == 0 then
      io.stderr:write("tracking-tokens.lua: no tokens in " .. file .. "\n")
      os.exit(1)
   end
   counter = ((thread_index or 0) * 7919) % #paths + 1
end

function request()
   if paths == nil then return wrk.format() end
   local path = paths[counter]
   counter = counter % #paths + 1
   return wrk.format("GET", path)
end

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local errors = summary.errors
   io.write(string.format(
      "RESULT requests_per_sec=%.2f p50_ms=%.3f p99_ms=%.3f non2xx=%d requests=%d socket_errors=%d\n",
      summary.requests / seconds,
      latency:percentile(50) / 1000,
      latency:percentile(99) / 1000,
      errors.status,
      summary.requests,
      errors.connect + errors.read + errors.write + errors.timeout))
end
