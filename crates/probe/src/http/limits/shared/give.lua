-- Gives back the slots of ARGV[1] (its weight ARGV[2]) in every KEYS[i]
-- (i ≥ 2); when there was nothing to give (the take has not run yet, or
-- never will), tombstones the holder at KEYS[1] for ARGV[3] ms.
local removed = 0
for k = 2, #KEYS do
  for i = 1, tonumber(ARGV[2]) do
    removed = removed + redis.call('ZREM', KEYS[k], ARGV[1] .. ':' .. i)
  end
end
if removed == 0 then
  redis.call('SET', KEYS[1], 1, 'PX', tonumber(ARGV[3]))
end
return removed
