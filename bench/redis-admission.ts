// npm run bench:redis — how many admissions one Redis shard takes: EVALSHA/s of the admission scripts
// (lib/stock/scripts.ts) against a redis-server of its own, the figures docs/scaling.md reasons from.
// ADMIT_REQUEST is what an opening's buy-now runs (rate limit, key claim and admission in one script);
// ADMIT is the general path's admission (its key claim is a separate CLAIM on the buyer's slot).
// Scenarios: one drop admitting (every call a new buyer and request: the whole script), one drop sold out
// (the refusal most requests of an opening get), and a thousand drops admitting (one shard shared by many
// products). Driven by Node (ioredis, several connections, many calls in flight, auto-pipelined) and —
// when installed — by redis-benchmark (C, pipelined) as the bare ceiling.
// Beside every figure: Redis's own CPU time over the run (ops per Redis CPU-second is what one dedicated
// core would take; the client shares this machine's cores), its time per call (INFO commandstats), and
// the machine's load averages. Writes bench/results/redis-admission.json.
// Options: --seconds 8 --connections 4 --inflight 128 --products 1000 --skip-redis-benchmark
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import Redis from "ioredis";
import { ADMIT, ADMIT_REQUEST, type LuaScript } from "../lib/stock/scripts";
import { RedisProcess } from "../test/redis-server";
import { loadAverage } from "./load";

const { values: opt } = parseArgs({
  options: {
    seconds: { type: "string", default: "8" },
    connections: { type: "string", default: "4" },
    inflight: { type: "string", default: "128" },
    products: { type: "string", default: "1000" },
    "skip-redis-benchmark": { type: "boolean", default: false },
  },
});
const N = { seconds: +opt.seconds, connections: +opt.connections, inflight: +opt.inflight, products: +opt.products };
const log = (...a: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);
process.on("SIGINT", () => process.exit(130)); // the redis-server stops itself on exit (test/redis-server.ts)
process.on("SIGTERM", () => process.exit(143));

/** utime + stime of a process, in seconds (Linux /proc; clock ticks of 100 Hz). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** `session`: the buyer's session entry read and checked inside the script (KEYS[7]), as the buy path does. */
type Scenario = { name: string; script: LuaScript; products: number; available: number; node: boolean; session?: boolean };
const scenarios: Scenario[] = [
  { name: "one drop, admitting", script: ADMIT_REQUEST, products: 1, available: 1e12, node: true },
  { name: "one drop, admitting, session in the script", script: ADMIT_REQUEST, products: 1, available: 1e12, node: true, session: true },
  { name: "one drop, sold out", script: ADMIT_REQUEST, products: 1, available: 0, node: true },
  { name: `${N.products} drops, admitting`, script: ADMIT_REQUEST, products: N.products, available: 1e12, node: true },
  { name: "one drop, admitting", script: ADMIT, products: 1, available: 1e12, node: false },
  { name: "one drop, sold out", script: ADMIT, products: 1, available: 0, node: false },
];
const tag = (s: number, p: number) => `bench:{p:${s}-${p}}`;

/** KEYS and ARGV of one call as lib/stock/admission.ts builds them; `user` and `key` name a new buyer and request. */
function call(script: LuaScript, t: string, user: string, key: string, session = false): string[] {
  const now = String(Date.now());
  // ADMIT: meta, buyers, request marker, the room's used passes; no verified phone, no pass (the room is off)
  if (script === ADMIT) return ["4", `${t}:m`, `${t}:b`, `${t}:r:${user}:${key}`, `${t}:wu`, user, "1", now, "3600", "", "", "172800"];
  // ADMIT_REQUEST: meta, buyers, request marker, the product-slot claim, the buyer's request counter, the room's used passes
  return [
    session ? "7" : "6", `${t}:m`, `${t}:b`, `${t}:r:${user}:${key}`, `${t}:k:${user}:${key}`, `${t}:q:${user}`, `${t}:wu`,
    ...(session ? [sessionKey(user)] : []),
    user, "1", now, "3600", "hash", "30", "86400", "20", "10", "", "", "172800",
  ];
}

/** Buyers with a session entry each (the session scenario): calls take them in turn, each with a new key. */
const SESSION_BUYERS = 50_000;
const sessionKey = (user: string) => `bench:sess:${user}`;

async function load(r: Redis, s: number, sc: Scenario) {
  // With sessions the same buyers come back (each a few times a run): no per-buyer limit, so every call admits.
  // A product without sizes has one implicit variant (meta dv) whose units a:<dv> are what the scripts count.
  for (let p = 0; p < sc.products; p++) await r.hset(`${tag(s, p)}:m`, { a: sc.available, t: sc.available, s: 0, e: 0, l: sc.session ? 1e9 : 2, x: 0, dv: "d", "a:d": sc.available });
  if (!sc.session) return;
  // lib/auth/session-store.ts's entry: the JSON of {userId, emailVerified, phoneHash, exp}.
  const exp = Date.now() + 3600_000;
  for (let from = 0; from < SESSION_BUYERS; from += 5000) {
    const pipe = r.pipeline();
    for (let u = from; u < from + 5000; u++) pipe.set(sessionKey(`u${u}`), JSON.stringify({ userId: `u${u}`, emailVerified: true, phoneHash: null, exp }), "EX", 3600);
    await pipe.exec();
  }
}

/** Redis's own view of the run: EVALSHA calls and microseconds per call. */
async function commandStats(r: Redis) {
  const line = (await r.info("commandstats")).split("\n").find((l) => l.startsWith("cmdstat_evalsha:")) ?? "";
  const get = (k: string) => Number(line.match(new RegExp(`${k}=([0-9.]+)`))?.[1] ?? 0);
  return { calls: get("calls"), usecPerCall: get("usec_per_call") };
}

async function measure<T>(redis: RedisProcess, admin: Redis, run: () => Promise<T>) {
  await admin.config("RESETSTAT");
  const load1 = loadAverage();
  const cpu0 = cpuSeconds(redis.pid!);
  const t0 = performance.now();
  const extra = await run();
  const seconds = (performance.now() - t0) / 1000;
  const redisCpu = cpuSeconds(redis.pid!) - cpu0;
  const stats = await commandStats(admin);
  return {
    evalshaPerSecond: Math.round(stats.calls / seconds),
    redisCpuPercent: Math.round((redisCpu / seconds) * 100),
    perRedisCpuSecond: redisCpu > 0 ? Math.round(stats.calls / redisCpu) : null,
    usecPerCall: stats.usecPerCall,
    calls: stats.calls,
    loadBefore: load1,
    loadAfter: loadAverage(),
    ...extra,
  };
}

/** Node clients: `connections` ioredis connections, each with `inflight` admissions always in flight. */
async function nodeRun(url: string, s: number, sc: Scenario) {
  const clients = Array.from({ length: N.connections }, () => new Redis(url, { enableAutoPipelining: true }));
  await Promise.all(clients.map((c) => c.script("LOAD", sc.script.source)));
  const results: Record<string, number> = {};
  const until = performance.now() + N.seconds * 1000;
  let n = 0;
  await Promise.all(clients.flatMap((c, ci) => Array.from({ length: N.inflight }, async (_, li) => {
    while (performance.now() < until) {
      const i = n++;
      const [numKeys, ...rest] = sc.session
        ? call(sc.script, tag(s, i % sc.products), `u${i % SESSION_BUYERS}`, `k${i}`, true)
        : call(sc.script, tag(s, i % sc.products), `u${ci}-${li}-${i}`, "k");
      const [result] = (await c.evalsha(sc.script.sha, numKeys, ...rest)) as [string];
      results[result] = (results[result] ?? 0) + 1;
    }
  })));
  clients.forEach((c) => c.disconnect());
  const meant = sc.available > 0 ? "reserved" : "sold_out";
  if (!results[meant]) throw new Error(`${sc.name}: no call answered ${meant} (${JSON.stringify(results)}): the bench's keys no longer match the script`);
  return { results };
}

/** redis-benchmark: 50 connections, pipelines of 16; keys and buyers vary per call (__rand_int__). */
function redisBenchmarkRun(port: number, s: number, sc: Scenario) {
  // redis-benchmark cannot pick among many hash tags per call; the many-drops case is Node's only.
  const r = spawnSync("redis-benchmark", [
    "-p", String(port), "-c", "50", "-P", "16", "-n", "500000", "-r", "100000000", "--csv",
    "EVALSHA", sc.script.sha, ...call(sc.script, tag(s, 0), "u__rand_int__", "__rand_int__"),
  ], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`redis-benchmark failed: ${r.stderr}`);
  return { generator: "redis-benchmark -c 50 -P 16", csv: r.stdout.trim().split("\n").slice(-1)[0] };
}

async function main() {
  const redis = await RedisProcess.start();
  const admin = new Redis(redis.url);
  await admin.script("LOAD", ADMIT.source);
  await admin.script("LOAD", ADMIT_REQUEST.source);
  const hasRedisBenchmark = !opt["skip-redis-benchmark"] && spawnSync("redis-benchmark", ["--version"]).error === undefined;
  const rows: Record<string, unknown>[] = [];
  let s = 0;
  for (const sc of scenarios) {
    if (sc.node) {
      await load(admin, ++s, sc);
      log(`${sc.script.name}, ${sc.name}: Node, ${N.connections} connections × ${N.inflight} in flight, ${N.seconds} s`);
      rows.push({ script: sc.script.name, scenario: sc.name, generator: `node ioredis ${N.connections}×${N.inflight}`, ...(await measure(redis, admin, () => nodeRun(redis.url, s, sc))) });
      log(rows.at(-1));
    }
    if (hasRedisBenchmark && sc.products === 1 && !sc.session) {
      await load(admin, ++s, sc);
      log(`${sc.script.name}, ${sc.name}: redis-benchmark`);
      rows.push({ script: sc.script.name, scenario: sc.name, ...(await measure(redis, admin, async () => redisBenchmarkRun(redis.port, s, sc))) });
      log(rows.at(-1));
    }
    await admin.flushall();
  }
  const info = (await admin.info("server")).match(/redis_version:(\S+)/)?.[1];
  admin.disconnect();
  await redis.stop();
  const out = { at: new Date().toISOString(), redis: info, node: process.version, options: N, rows };
  const dir = resolve(import.meta.dirname, "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, "redis-admission.json"), `${JSON.stringify(out, null, 2)}\n`);
  console.table(rows.map((r) => ({ script: r.script, scenario: r.scenario, generator: r.generator, "EVALSHA/s": r.evalshaPerSecond, "redis CPU %": r.redisCpuPercent, "per Redis CPU-s": r.perRedisCpuSecond, "µs/call": r.usecPerCall, load: (r.loadBefore as number[])[0] })));
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
