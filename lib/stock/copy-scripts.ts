// The scripts that keep Redis's copy of a product in step with PostgreSQL, the ledger: load it, repair a
// figure that drifted, apply a restock or a new schedule. Like the buy path's scripts (scripts.ts) each runs
// atomically on the keys of one product (one hash tag, one cluster slot).
import { lua } from "./scripts";

/**
 * LOAD — (re)build one product's keys from a PostgreSQL snapshot.
 * KEYS[1] meta hash, KEYS[2] buyers hash
 * ARGV[1] 'force' | 'missing', ARGV[2] available, ARGV[3] total, ARGV[4] start ms, ARGV[5] end ms,
 * ARGV[6] limit, ARGV[7] unknown (1/0), ARGV[8] TTL for unknown products (s), ARGV[9] phone required
 * (1/0), ARGV[10] waiting room on (1/0), ARGV[11] its admission rate (buyers/s, 0 = auto), ARGV[12] its
 * pre-queue window (ms), ARGV[13] / ARGV[14] its caps on places per address range / per device (-1 = the
 * default, 0 = none), ARGV[15] the implicit default variant ('' = the product has options), ARGV[16] the
 * number of variants n, ARGV[17..16+3n] variant, available, total triples (fields a:<v>, t:<v>), then
 * field, count pairs (userId, or 'ph:<phone>' for a verified phone's count)
 * Returns 1 loaded, 0 left alone. Guarantee: in 'missing' mode concurrent loaders cannot overwrite live
 * counts; both keys (every variant's figures with them) are replaced together.
 */
export const LOAD = lua("load", `
if ARGV[1] ~= 'force' and redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[1], 'a', ARGV[2], 't', ARGV[3], 's', ARGV[4], 'e', ARGV[5], 'l', ARGV[6], 'x', ARGV[7], 'v', ARGV[9], 'w', ARGV[10], 'wr', ARGV[11], 'wq', ARGV[12], 'wn', ARGV[13], 'wd', ARGV[14], 'dv', ARGV[15])
if ARGV[7] == '1' then redis.call('EXPIRE', KEYS[1], tonumber(ARGV[8])) end
local n = tonumber(ARGV[16])
for i = 17, 16 + 3 * n, 3 do redis.call('HSET', KEYS[1], 'a:' .. ARGV[i], ARGV[i + 1], 't:' .. ARGV[i], ARGV[i + 2]) end
for i = 17 + 3 * n, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
return 1
`);

/**
 * REPAIR — set a variant's available units to PostgreSQL's figure if Redis still shows what reconciliation
 * read; the product's sum (a) moves by the same difference.
 * KEYS[1] meta hash; ARGV[1] expected available, ARGV[2] new available, ARGV[3] the variant
 * Returns 1 repaired, 0 changed meanwhile (left for the next round), -1 not loaded.
 */
export const REPAIR = lua("repair", `
local f = 'a:' .. ARGV[3]
local cur = redis.call('HGET', KEYS[1], f)
if not cur then return -1 end
if cur ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], f, ARGV[2])
redis.call('HINCRBY', KEYS[1], 'a', tonumber(ARGV[2]) - tonumber(ARGV[1]))
return 1
`);

/**
 * RESTOCK — move one loaded variant's units by a delta already committed to PostgreSQL (a restock adds,
 * a reduction subtracts; PostgreSQL's guard has refused anything below what is held or sold).
 * KEYS[1] meta hash, KEYS[2] restock marker; ARGV[1] delta (units), ARGV[2] marker TTL (s), ARGV[3] the
 * variant ('' = the implicit default variant)
 * Returns 1 applied, 0 already applied, 2 not loaded (the next load reads PostgreSQL's truth).
 * Guarantee: one restock id moves the counts at most once; the variant's available and total and the
 * product's sums move together. A variant Redis does not know yet (added since the load) starts at 0.
 */
export const RESTOCK = lua("restock", `
if not redis.call('SET', KEYS[2], '1', 'NX', 'EX', tonumber(ARGV[2])) then return 0 end
if redis.call('EXISTS', KEYS[1]) == 0 then return 2 end
if redis.call('HGET', KEYS[1], 'x') == '1' then return 2 end
local vid = ARGV[3] or ''
if vid == '' then vid = redis.call('HGET', KEYS[1], 'dv') or '' end
if vid == '' then return 2 end
local d = tonumber(ARGV[1])
redis.call('HINCRBY', KEYS[1], 'a', d)
redis.call('HINCRBY', KEYS[1], 't', d)
redis.call('HINCRBY', KEYS[1], 'a:' .. vid, d)
redis.call('HINCRBY', KEYS[1], 't:' .. vid, d)
return 1
`);

/**
 * SETMETA — apply a product's new schedule, limit and status to its loaded keys without touching counts.
 * KEYS[1] meta hash, KEYS[2] buyers hash
 * ARGV[1] start ms, ARGV[2] end ms, ARGV[3] limit (0 = none), ARGV[4] unknown (1/0), ARGV[5] '1' to
 * replace the buyers hash with ARGV[12..] field, count pairs (a newly set limit must see past buyers and
 * phones), ARGV[6] phone required (1/0), ARGV[7] waiting room on (1/0), ARGV[8] its rate (0 = auto),
 * ARGV[9] its pre-queue window (ms), ARGV[10] / ARGV[11] its caps per address range / per device (-1 = default)
 * Returns 1 updated, 2 not loaded, 3 keys dropped (a product coming back on sale loads afresh).
 */
export const SETMETA = lua("setmeta", `
if redis.call('EXISTS', KEYS[1]) == 0 then return 2 end
if redis.call('HGET', KEYS[1], 'x') == '1' and ARGV[4] == '0' then
  redis.call('DEL', KEYS[1], KEYS[2])
  return 3
end
redis.call('HSET', KEYS[1], 's', ARGV[1], 'e', ARGV[2], 'l', ARGV[3], 'x', ARGV[4], 'v', ARGV[6], 'w', ARGV[7], 'wr', ARGV[8], 'wq', ARGV[9], 'wn', ARGV[10], 'wd', ARGV[11])
if ARGV[4] == '1' then redis.call('PERSIST', KEYS[1]) end
if ARGV[5] == '1' then
  redis.call('DEL', KEYS[2])
  for i = 12, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
end
return 1
`);
