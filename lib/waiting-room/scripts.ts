// The waiting room's Lua script. It runs atomically on one drop's keys (one hash tag, one cluster slot):
// the room's queue and pointer beside the stock's meta hash, so "units left" and "sold out" are read in the
// same step that lets people through.
import { lua } from "@/lib/stock/scripts";

/**
 * ROOM — enter a drop's waiting room, or read one's place in it; either way the pointer advances first.
 * KEYS[1] stock meta hash, KEYS[2] queue (sorted set), KEYS[3] room state hash, KEYS[4] issued passes hash,
 * KEYS[5] used passes hash, KEYS[6] places per address range (hash), KEYS[7] places per device (hash)
 * ARGV[1] 'enter' | 'status', ARGV[2] identity (lib/waiting-room/identity.ts), ARGV[3] userId, ARGV[4] now (ms),
 * ARGV[5] a random score in [0, 1) for a pre-queue place, ARGV[6] the auto rate (buyers/s, used when meta wr
 * is 0), ARGV[7] a fresh pass id, ARGV[8] pass TTL (ms), ARGV[9] TTL of the room's keys (s), ARGV[10] the
 * client's address range ('' = unknown: not capped), ARGV[11] the device id ('' = none: not capped), ARGV[12]
 * / ARGV[13] the default caps per range / per device (used when meta wn / wd is -1 or absent; 0 = no cap)
 * Returns {state, rank, queued, admitted, available, passId, passExpiresMs, startsMs, rate, windowMs}:
 *   state: missing (load the stock keys and retry) | unknown | off (no room for this drop) | too_early (before
 *   the pre-queue window) | outside (not in the room, may enter) | prequeue (in, the draw is at the opening) |
 *   waiting | admitted (a pass: passId, passExpiresMs) | used (the pass bought) | lost (the pass expired
 *   unused; 'enter' again joins at the back) | elsewhere (the identity's place belongs to another account) |
 *   device_full / range_full ('enter' refused: this device / address range took the drop's cap of places) |
 *   sold_out | ended;
 *   rank: 0-based place in the queue (-1 outside or before the draw); admitted: places let through so far.
 * Guarantees:
 *   - one place per identity (ZADD NX): entering again, from a refresh or a second tab, keeps the place;
 *   - a new place is taken only while its device and its address range hold fewer places than their caps,
 *     and counts against both in the same step (concurrent entries cannot pass a cap); an identity that
 *     already has a place is never counted again (a lost turn's re-entry included);
 *   - pre-queue places are random (the caller's CSPRNG draws the score) and all rank before any place taken
 *     after the opening, which are first come, first served (a counter);
 *   - the pointer moves at the rate from the opening on, never past the queue's length (no credit piles up
 *     while the room is empty) and not while nothing is left to sell; no background job is needed;
 *   - one pass per place: a refresh gets the same pass id and expiry back; an expired unused pass is a lost
 *     turn (counted once).
 */
export const ROOM = lua("room", `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing', -1, 0, 0, 0, '', 0, 0, 0, 0} end
local m = redis.call('HMGET', KEYS[1], 'a', 's', 'e', 'x', 'w', 'wr', 'wq')
if m[4] == '1' then return {'unknown', -1, 0, 0, 0, '', 0, 0, 0, 0} end
local avail, starts, ends = tonumber(m[1]), tonumber(m[2]), tonumber(m[3])
local rate = tonumber(m[6] or '0') or 0
if rate <= 0 then rate = tonumber(ARGV[6]) end
local window = tonumber(m[7] or '0') or 0
if m[5] ~= '1' then return {'off', -1, 0, 0, avail, '', 0, starts, rate, window} end
local now = tonumber(ARGV[4])
local ttl = tonumber(ARGV[9])
local queued = redis.call('ZCARD', KEYS[2])
local st = redis.call('HMGET', KEYS[3], 'adm', 'at')
local adm = tonumber(st[1] or '0')
if now >= starts then
  local from = math.max(tonumber(st[2] or '0'), starts)
  if avail > 0 and now > from then adm = math.max(adm, math.min(queued, adm + rate * (now - from) / 1000)) end
  if now > from then
    redis.call('HSET', KEYS[3], 'adm', tostring(adm), 'at', now)
    redis.call('EXPIRE', KEYS[3], ttl)
  end
end
local let = math.floor(adm)
local closed = nil
if ends > 0 and now >= ends then closed = 'ended' elseif now >= starts and avail <= 0 then closed = 'sold_out' end
local function answer(state, rank, passId, exp)
  return {state, rank, queued, let, avail, passId or '', exp or 0, starts, rate, window}
end
local score = redis.call('ZSCORE', KEYS[2], ARGV[2])
local issued = redis.call('HGET', KEYS[4], ARGV[2])
if closed then return answer(closed, score and redis.call('ZRANK', KEYS[2], ARGV[2]) or -1) end
local function join()
  if now < starts then score = ARGV[5] else score = redis.call('HINCRBY', KEYS[3], 'seq', 1) end
  redis.call('ZADD', KEYS[2], score, ARGV[2])
  redis.call('EXPIRE', KEYS[2], ttl)
  redis.call('EXPIRE', KEYS[3], ttl)
  queued = queued + 1
end
local function cap(field, default)
  local c = tonumber(redis.call('HGET', KEYS[1], field) or '-1') or -1
  if c < 0 then c = tonumber(default) end
  return c
end
-- The caps: a place counts against its device and its address range (none when unknown: '').
local function capRefusal()
  local checks = {{KEYS[7], ARGV[11], cap('wd', ARGV[13]), 'device_full'}, {KEYS[6], ARGV[10], cap('wn', ARGV[12]), 'range_full'}}
  for _, c in ipairs(checks) do
    if c[2] ~= '' and c[3] > 0 and tonumber(redis.call('HGET', c[1], c[2]) or '0') >= c[3] then return c[4] end
  end
  for _, c in ipairs(checks) do
    if c[2] ~= '' then
      redis.call('HINCRBY', c[1], c[2], 1)
      redis.call('EXPIRE', c[1], ttl)
    end
  end
  return nil
end
if not score then
  if now < starts - window then return answer('too_early', -1) end
  if ARGV[1] ~= 'enter' then return answer('outside', -1) end
  local refused = capRefusal()
  if refused then return answer(refused, -1) end
  join()
end
if now < starts then return answer('prequeue', -1) end
local rank = redis.call('ZRANK', KEYS[2], ARGV[2])
if rank >= let then return answer('waiting', rank) end
if issued then
  local passId, exp, owner, mark = string.match(issued, '^([^|]+)|([^|]+)|([^|]+)|?(.*)$')
  if owner ~= ARGV[3] then return answer('elsewhere', rank) end
  if redis.call('HEXISTS', KEYS[5], passId) == 1 then return answer('used', rank) end
  if tonumber(exp) > now then return answer('admitted', rank, passId, tonumber(exp)) end
  if mark ~= 'L' then
    redis.call('HSET', KEYS[4], ARGV[2], issued .. '|L')
    redis.call('HINCRBY', KEYS[3], 'lost', 1)
  end
  if ARGV[1] ~= 'enter' then return answer('lost', rank) end
  -- A lost turn, entering again: a new place at the back (first come, first served), no pass yet.
  redis.call('HDEL', KEYS[4], ARGV[2])
  join()
  return answer('waiting', redis.call('ZRANK', KEYS[2], ARGV[2]))
end
local exp = now + tonumber(ARGV[8])
redis.call('HSET', KEYS[4], ARGV[2], ARGV[7] .. '|' .. exp .. '|' .. ARGV[3])
redis.call('EXPIRE', KEYS[4], ttl)
redis.call('HINCRBY', KEYS[3], 'issued', 1)
return answer('admitted', rank, ARGV[7], exp)
`);

/**
 * ROOM_CROWD — test hook only (lib/test-hooks): put `n` placeholder places ahead of everyone (score below any
 * real place) or behind everyone (the next FIFO places). KEYS[1] queue, KEYS[2] room state hash;
 * ARGV[1] 'ahead' | 'behind', ARGV[2] n, ARGV[3] a prefix for the placeholder identities, ARGV[4] TTL (s).
 * Returns the queue's length.
 */
export const ROOM_CROWD = lua("room-crowd", `
local n = tonumber(ARGV[2])
for i = 1, n do
  local score
  if ARGV[1] == 'ahead' then score = -n - 1 + i else score = redis.call('HINCRBY', KEYS[2], 'seq', 1) end
  redis.call('ZADD', KEYS[1], 'NX', score, ARGV[3] .. i)
end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[4]))
return redis.call('ZCARD', KEYS[1])
`);

/**
 * ROOM_STATS — the seller monitor's reading of a room; writes nothing.
 * KEYS as ROOM's. Returns {w, wr, wq, s, a, adm, at, issued, lost, queued, used} (strings or false).
 */
export const ROOM_STATS = lua("room-stats", `
local m = redis.call('HMGET', KEYS[1], 'w', 'wr', 'wq', 's', 'a')
local st = redis.call('HMGET', KEYS[3], 'adm', 'at', 'issued', 'lost')
return {m[1], m[2], m[3], m[4], m[5], st[1], st[2], st[3], st[4], redis.call('ZCARD', KEYS[2]), redis.call('HLEN', KEYS[5])}
`);
