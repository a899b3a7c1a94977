-- wrk script for bench/ingest.sh: each thread posts its own slice of pre-signed EasyPost bodies, once each.
-- A parcel's bodies all go to one thread, so its events arrive in the order they happened, as a carrier
-- sends them; split across threads running at different speeds, they would arrive shuffled.
local bodies = {}
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local path, nthreads = args[1], tonumber(args[2])
  local index = 0
  for line in io.lines(path) do
    if tonumber(line:match("1ZINGEST(%d+)")) % nthreads == id then
      local tab = line:find("\t", 1, true)
      table.insert(bodies, { line:sub(1, tab - 1), line:sub(tab + 1) })
    end
    index = index + 1
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local entry = bodies[((counter - 1) % #bodies) + 1]
  wrk.headers["X-Hmac-Signature"] = entry[1]
  return wrk.format(nil, nil, nil, entry[2])
end
