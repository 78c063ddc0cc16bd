-- GCRA. KEYS[1]: the client's key. ARGV: emission interval (ms), burst,
-- weight. Returns 0 when allowed, else the milliseconds to wait.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local limit = interval * tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then tat = now end
local new = tat + interval * tonumber(ARGV[3])
if new - now > limit then
  return math.max(1, new - now - limit)
end
redis.call('SET', KEYS[1], new, 'PX', math.max(1, new - now))
return 0
