// The buy path's Lua scripts: admit, admit a whole request, release, claim an Idempotency-Key. Each runs
// atomically inside Redis and touches the keys of one product (one hash tag, one cluster slot). PostgreSQL
// stays the ledger: these only decide who may try to buy. The scripts that keep Redis's copy of a product in
// step with PostgreSQL (load, repair, restock, new schedule) are in copy-scripts.ts.
import { createHash } from "node:crypto";

export type LuaScript = { name: string; source: string; sha: string };
export const lua = (name: string, source: string): LuaScript => ({ name, source, sha: createHash("sha1").update(source).digest("hex") });

/**
 * ADMIT — reserve units for one request.
 * KEYS[1] meta hash, KEYS[2] buyers hash, KEYS[3] request marker, KEYS[4] the waiting room's used passes
 * ARGV[1] userId, ARGV[2] quantity, ARGV[3] now (ms, the app server's clock), ARGV[4] marker TTL (s),
 * ARGV[5] the buyer's verified phone (blind index; '' = none), ARGV[6] the id of a waiting-room pass
 * already checked by its signature ('' = none), ARGV[7] used-pass TTL (s), ARGV[8] the variant ('' = the
 * product's implicit default variant, meta dv)
 * Returns {result, available} — available is the variant's units. result: missing | unknown |
 * variant_required | unknown_variant | phone_required | not_open | ended | duplicate | pass_required |
 * pass_used | sold_out | limit_exceeded | reserved. Guarantee: the variant's units (a:<v>) and the product's
 * (a), the buyer's count for the product (whatever the variant: the limit spans them)
 * and their phone's count (field 'ph:<phone>' of the buyers hash) change together or not at all, never
 * below zero nor above the limit; the same request is reserved at most once; a product that requires a
 * verified phone (v = 1) admits nobody without one; a drop whose room is on (meta w = 1) reserves only
 * against a pass not used before, and uses it up. The sale window (s/e) is salePhase of
 * lib/catalog/sale-rules.ts restated in Lua; change them together.
 */
export const ADMIT = lua("admit", `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing', -1} end
local m = redis.call('HMGET', KEYS[1], 'a', 's', 'e', 'l', 'x', 'v', 'w', 'dv')
if m[5] == '1' then return {'unknown', -1} end
local vid = ARGV[8] or ''
if vid == '' then vid = m[8] or '' end
if vid == '' then return {'variant_required', -1} end
local va = 'a:' .. vid
local avail = tonumber(redis.call('HGET', KEYS[1], va) or '-1')
if avail < 0 then return {'unknown_variant', -1} end
local phone = ARGV[5] or ''
if m[6] == '1' and phone == '' then return {'phone_required', avail} end
local now = tonumber(ARGV[3])
local starts, ends = tonumber(m[2]), tonumber(m[3])
if starts > 0 and now < starts then return {'not_open', avail} end
if ends > 0 and now >= ends then return {'ended', avail} end
if redis.call('EXISTS', KEYS[3]) == 1 then return {'duplicate', avail} end
local room = m[7] == '1'
local pass = ARGV[6] or ''
if room and pass == '' then return {'pass_required', avail} end
if room and redis.call('HEXISTS', KEYS[4], pass) == 1 then return {'pass_used', avail} end
local qty = tonumber(ARGV[2])
if avail < qty then return {'sold_out', avail} end
local limit = tonumber(m[4])
local bought = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if limit > 0 and bought + qty > limit then return {'limit_exceeded', avail} end
if limit > 0 and phone ~= '' and tonumber(redis.call('HGET', KEYS[2], 'ph:' .. phone) or '0') + qty > limit then return {'limit_exceeded', avail} end
redis.call('HINCRBY', KEYS[1], 'a', -qty)
redis.call('HINCRBY', KEYS[1], va, -qty)
redis.call('HINCRBY', KEYS[2], ARGV[1], qty)
if phone ~= '' then redis.call('HINCRBY', KEYS[2], 'ph:' .. phone, qty) end
redis.call('SET', KEYS[3], ARGV[2], 'EX', tonumber(ARGV[4]))
if room then
  redis.call('HSET', KEYS[4], pass, ARGV[1])
  redis.call('EXPIRE', KEYS[4], tonumber(ARGV[7]))
end
return {'reserved', avail - qty}
`);

/**
 * ADMIT_REQUEST — a whole one-product buy request in one round trip: the buyer's rate limit, the
 * Idempotency-Key claim and ADMIT, in that order, on keys that all share the product's hash tag.
 * KEYS[1] meta hash, KEYS[2] buyers hash, KEYS[3] request marker, KEYS[4] claim (per buyer and key, in
 * the product's slot), KEYS[5] the buyer's request counter for this product, KEYS[6] the waiting room's
 * used passes (hash passId → userId)
 * ARGV[1] userId, ARGV[2] quantity, ARGV[3] now (ms), ARGV[4] marker TTL (s), ARGV[5] request hash,
 * ARGV[6] claim TTL while the order is written (s), ARGV[7] TTL of a stored answer (s),
 * ARGV[8] requests allowed per window, ARGV[9] window (s), ARGV[10] the buyer's verified phone (blind
 * index; '' = none), ARGV[11] the id of a waiting-room pass whose signature the caller checked
 * ('' = none), ARGV[12] used-pass TTL (s), ARGV[13] the variant ('' = the implicit default variant)
 * Returns {result, n, claim, phone} (phone: the verified phone the units were counted under, '' = none):
 * missing (nothing counted or claimed; load and retry) | phone_required (the
 * product needs a verified phone; counted against the rate limit, nothing claimed, so the same key works
 * once the buyer has verified) | rate_limited (n = ms until the window ends) | claimed (claim = what an
 * earlier request with the key stored: "P|<hash>" while it works, "D|<hash>|<answer>" once answered) |
 * one of ADMIT's results (n = units left). A refusal is stored as the key's answer ("D|<hash>|~<result>")
 * in the same step — but pass_required / pass_used, which are about the request's pass header (not its
 * body), leave the key unclaimed so the same key may come back with a pass; reserved/duplicate leave the
 * claim pending for the order's write. Guarantees: ADMIT's (the phone's count and the pass included),
 * plus exactly one claimant per key.
 * With KEYS[7] — the buyer's session in the session cache (lib/auth/session-store.ts: "revoked", or the
 * JSON of {userId, emailVerified, phoneHash, exp}; that file's rules restated here, change them together) —
 * the session's validity is decided first, in the same round trip, and its phoneHash replaces ARGV[10]:
 * session_unknown (no entry or one that does not parse: the caller reads PostgreSQL and runs the script
 * again with the phone given), signed_out (revoked, expired, or another user's: 401), unverified (no
 * verified email: 403); none of them counts, claims or admits anything. Only where the session cache lives
 * in the same Redis as the product's keys (never a cluster: the key is in another slot).
 */
export const ADMIT_REQUEST = lua("admit-request", `
local phone = ARGV[10] or ''
if KEYS[7] then
  local sv = redis.call('GET', KEYS[7])
  if not sv then return {'session_unknown', -1, ''} end
  if sv == 'revoked' then return {'signed_out', -1, ''} end
  local ok, s = pcall(cjson.decode, sv)
  if not ok or type(s) ~= 'table' then return {'session_unknown', -1, ''} end
  if s.userId ~= ARGV[1] or type(s.exp) ~= 'number' or s.exp <= tonumber(ARGV[3]) then return {'signed_out', -1, ''} end
  if s.emailVerified ~= true then return {'unverified', -1, ''} end
  if type(s.phoneHash) == 'string' then phone = s.phoneHash else phone = '' end
end
if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing', -1, ''} end
local n = redis.call('INCR', KEYS[5])
if n == 1 then redis.call('EXPIRE', KEYS[5], tonumber(ARGV[9])) end
if n > tonumber(ARGV[8]) then return {'rate_limited', redis.call('PTTL', KEYS[5]), ''} end
local m = redis.call('HMGET', KEYS[1], 'a', 's', 'e', 'l', 'x', 'v', 'w', 'dv')
if m[5] ~= '1' and m[6] == '1' and phone == '' then return {'phone_required', -1, ''} end
local c = redis.call('GET', KEYS[4])
if c then return {'claimed', -1, c} end
local vid = ARGV[13] or ''
if vid == '' then vid = m[8] or '' end
local va = 'a:' .. vid
local avail = tonumber(redis.call('HGET', KEYS[1], va) or '-1')
local room = m[7] == '1'
local pass = ARGV[11] or ''
local result
if m[5] == '1' then result = 'unknown'; avail = -1
elseif vid == '' then result = 'variant_required'
elseif avail < 0 then result = 'unknown_variant'
else
  local now = tonumber(ARGV[3])
  local starts, ends = tonumber(m[2]), tonumber(m[3])
  local qty = tonumber(ARGV[2])
  local limit = tonumber(m[4])
  if starts > 0 and now < starts then result = 'not_open'
  elseif ends > 0 and now >= ends then result = 'ended'
  elseif redis.call('EXISTS', KEYS[3]) == 1 then result = 'duplicate'
  elseif room and pass == '' then return {'pass_required', avail, ''}
  elseif room and redis.call('HEXISTS', KEYS[6], pass) == 1 then return {'pass_used', avail, ''}
  elseif avail < qty then result = 'sold_out'
  elseif limit > 0 and tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') + qty > limit then result = 'limit_exceeded'
  elseif limit > 0 and phone ~= '' and tonumber(redis.call('HGET', KEYS[2], 'ph:' .. phone) or '0') + qty > limit then result = 'limit_exceeded'
  else
    redis.call('HINCRBY', KEYS[1], 'a', -qty)
    redis.call('HINCRBY', KEYS[1], va, -qty)
    redis.call('HINCRBY', KEYS[2], ARGV[1], qty)
    if phone ~= '' then redis.call('HINCRBY', KEYS[2], 'ph:' .. phone, qty) end
    redis.call('SET', KEYS[3], ARGV[2], 'EX', tonumber(ARGV[4]))
    if room then
      redis.call('HSET', KEYS[6], pass, ARGV[1])
      redis.call('EXPIRE', KEYS[6], tonumber(ARGV[12]))
    end
    avail = avail - qty
    result = 'reserved'
  end
end
if result == 'reserved' or result == 'duplicate' then
  redis.call('SET', KEYS[4], 'P|' .. ARGV[5], 'EX', tonumber(ARGV[6]))
else
  redis.call('SET', KEYS[4], 'D|' .. ARGV[5] .. '|~' .. result, 'EX', tonumber(ARGV[7]))
end
return {result, avail, '', phone}
`);

/**
 * RELEASE — give reserved units back (an undone admission, or a hold that ended in PostgreSQL first).
 * KEYS[1] meta hash, KEYS[2] buyers hash, KEYS[3] release marker, KEYS[4] request marker to clear
 * ARGV[1] userId, ARGV[2] quantity, ARGV[3] marker TTL (s), ARGV[4] the phone (blind index) the units
 * were counted under ('' = none), ARGV[5] the variant ('' = the implicit default variant)
 * Returns 1 released, 0 already released, 2 nothing loaded or no such variant loaded (the next load reads
 * PostgreSQL's truth). Guarantee: one release id returns its units (the variant's and the product's, and
 * the buyer's and phone's counts) at most once, however often it is retried.
 */
export const RELEASE = lua("release", `
if not redis.call('SET', KEYS[3], '1', 'NX', 'EX', tonumber(ARGV[3])) then return 0 end
redis.call('DEL', KEYS[4])
if redis.call('EXISTS', KEYS[1]) == 0 then return 2 end
local vid = ARGV[5] or ''
if vid == '' then vid = redis.call('HGET', KEYS[1], 'dv') or '' end
if vid == '' or redis.call('HEXISTS', KEYS[1], 'a:' .. vid) == 0 then return 2 end
local qty = tonumber(ARGV[2])
redis.call('HINCRBY', KEYS[1], 'a', qty)
redis.call('HINCRBY', KEYS[1], 'a:' .. vid, qty)
if redis.call('HINCRBY', KEYS[2], ARGV[1], -qty) <= 0 then redis.call('HDEL', KEYS[2], ARGV[1]) end
if ARGV[4] and ARGV[4] ~= '' then
  local f = 'ph:' .. ARGV[4]
  if redis.call('HINCRBY', KEYS[2], f, -qty) <= 0 then redis.call('HDEL', KEYS[2], f) end
end
return 1
`);

/**
 * CLAIM — the first request with an Idempotency-Key claims it; later ones read what it stored.
 * KEYS[1] claim key; ARGV[1] value to store when absent ("P|<hash>"), ARGV[2] TTL (s)
 * Returns '' when claimed now, otherwise the stored value. Guarantee: exactly one claimant per key.
 */
export const CLAIM = lua("claim", `
local v = redis.call('GET', KEYS[1])
if v then return v end
redis.call('SET', KEYS[1], ARGV[1], 'EX', tonumber(ARGV[2]))
return ''
`);
