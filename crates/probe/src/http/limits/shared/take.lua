-- Slots in every KEYS[i] (i ≥ 2) at once, or none; KEYS[1] is the
-- holder's tombstone (a give that came first). ARGV: cap, holder, expiry
-- (ms), weight. Returns 1 when taken.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local cap = tonumber(ARGV[1])
local weight = tonumber(ARGV[4])
for k = 2, #KEYS do
  redis.call('ZREMRANGEBYSCORE', KEYS[k], '-inf', now)
  if redis.call('ZCARD', KEYS[k]) + weight > cap then
    return 0
  end
end
local expiry = now + tonumber(ARGV[3])
for k = 2, #KEYS do
  for i = 1, weight do
    redis.call('ZADD', KEYS[k], expiry, ARGV[2] .. ':' .. i)
  end
  redis.call('PEXPIRE', KEYS[k], tonumber(ARGV[3]))
end
return 1
