// npm run bench:flash — one flash-sale opening against the production server, measured.
// Starts its own Redis and database, seeds one drop and many verified buyers with ready session cookies,
// starts the production build (`npm start`'s server, or `next start` with --server next), fires
// POST /api/orders at the opening with autocannon, then checks the ledger and measures a bare-Node
// ceiling under the same load. Prints a summary and writes bench/results/flash.json.
// The opening and the bare ceiling are loaded by wrk (a C generator; a JavaScript one caps the ceiling
// and flatters the ratio) when it is installed, else by autocannon (--generator autocannon forces it).
// Options: --units 1000 --buyers 10000 --limit 2 --connections 256 --duration 20 --port 3390
//          --server fast|next --kill-redis-at <s> --redis-down-for 2 --build (rebuild first)
//          --skip-ceiling --profile (CPU profile of the server into bench/results/prof)
//          --pin (the server — and the ceiling — on CPU 0; wrk and Redis on CPU 1; PostgreSQL anywhere)
//          --sizes 15 (the multi-size profile: a size run of 15 variants sharing the units, buyers
//          preferring the middle sizes; results in bench/results/flash-sizes.json)
import { spawn, type ChildProcess } from "node:child_process";
import { register } from "node:module";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RedisProcess, freePort } from "../test/redis-server";
import { SERVER_NODE_FLAGS } from "../server/node-flags";
import { cpuSeconds, hasWrk, loadAverage, onCpus, pinProcess, wrk } from "./load";

const root = resolve(import.meta.dirname, "..");
const { values: opt } = parseArgs({
  options: {
    units: { type: "string", default: "1000" },
    buyers: { type: "string", default: "10000" },
    limit: { type: "string", default: "2" },
    connections: { type: "string", default: "256" },
    duration: { type: "string", default: "20" },
    port: { type: "string", default: "3390" },
    server: { type: "string", default: "fast" },
    "kill-redis-at": { type: "string" },
    "redis-down-for": { type: "string", default: "2" },
    build: { type: "boolean", default: false },
    "skip-ceiling": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    generator: { type: "string", default: "wrk" },
    sizes: { type: "string", default: "0" },
    pin: { type: "boolean", default: false },
  },
});
const N = { units: +opt.units, buyers: +opt.buyers, limit: +opt.limit, connections: +opt.connections, duration: +opt.duration, port: +opt.port, sizes: +opt.sizes };
/** With --pin: where the server runs and where its load (wrk, Redis) runs. */
const pin = opt.pin ? { server: "0", load: "1" } : null;
const killAt = opt["kill-redis-at"] === undefined ? null : Number(opt["kill-redis-at"]);
const base = `http://127.0.0.1:${N.port}`;
const log = (...a: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)} load ${loadAverage().join(" ")}]`, ...a);

const children: ChildProcess[] = [];
const cleanup = () => children.forEach((c) => c.exitCode === null && c.kill("SIGTERM"));
process.on("exit", cleanup);
// Ctrl-C and `kill` both end in process.exit, so the exit handler above stops every child (and the
// dedicated redis-server stops itself on exit, test/redis-server.ts).
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));

async function main() {
  // Other work on the machine skews every figure: the 1/5/15-minute load averages go into the result.
  const loadBefore = (await import("node:os")).loadavg().map((x) => +x.toFixed(2));
  const redis = await RedisProcess.start();
  if (pin) pinProcess(redis.pid!, pin.load);
  const dbName = `hurryup_bench_${N.port}`;
  const env = {
    NODE_ENV: "production", HURRYUP_DEMO: "1", LOG_LEVEL: "warn", PG_QUERY_METRICS: "1",
    DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${dbName}`, DATABASE_POOL_SIZE: "20",
    REDIS_URL: redis.url, REDIS_KEY_PREFIX: "bench:", APP_URL: base, PORT: String(N.port), HOST: "127.0.0.1",
  };
  Object.assign(process.env, env);
  // lib modules read the environment when first imported: only now ("server-only" made importable as in server/).
  register("../server/server-only-hook.mjs", import.meta.url);
  const seed = await import("./seed");
  if (opt.build || !existsSync(resolve(root, ".next/BUILD_ID"))) await run("npm", ["run", "-s", "build"]);

  log(`database ${dbName}, redis ${redis.url}`);
  await seed.resetDatabase(env.DATABASE_URL);
  const drop = await seed.seedDrop(N.units, N.limit, N.sizes);
  const t0 = Date.now();
  const cookies = await seed.seedBuyers(N.buyers);
  log(`${N.buyers} verified buyers with session cookies (cached) in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  const server = await startServer(env);
  const body = JSON.stringify({ items: [{ productId: drop.id, quantity: 1 }] });
  // The multi-size profile: each request names a size, drawn from a crowd that prefers the middle sizes.
  const bodies = N.sizes > 0 ? sizeDemand(drop.variants.map((v) => v.id)).map((variantId) => JSON.stringify({ items: [{ productId: drop.id, variantId, quantity: 1 }] })) : [body];
  const fire = (url: string, seconds: number, connections = N.connections, onStart?: () => void) =>
    load(url, bodies, cookies, seconds, connections, onStart);
  // wrk runs synchronously, so a Redis kill scheduled during the opening needs autocannon.
  const useWrk = opt.generator === "wrk" && killAt === null && hasWrk();
  // autocannon runs in this process, which --pin does not move: its figures would not be pinned ones.
  if (pin && !useWrk) throw new Error("--pin needs wrk (installed, and no --kill-redis-at)");
  const cookieFile = join(tmpdir(), `bench-flash-cookies-${process.pid}.txt`);
  const bodyFile = join(tmpdir(), `bench-flash-bodies-${process.pid}.txt`);
  if (useWrk) writeFileSync(cookieFile, cookies.join("\n") + "\n");
  if (useWrk) writeFileSync(bodyFile, bodies.join("\n") + "\n");
  const measure = async (url: string, onStart?: () => void): Promise<Figures> =>
    useWrk ? fromWrk(wrk(url, { method: "POST", body, connections: N.connections, seconds: N.duration, headers: { "content-type": "application/json", origin: base }, cookies: cookieFile, bodies: bodyFile, cpus: pin?.load })) : fromAutocannon(await fire(url, N.duration, N.connections, onStart));

  // The crowd opens the drop's page and the home page before buying: their modules are in memory at
  // the opening, as they would be (the peak memory figure includes them). Then JIT warm-up (every answer
  // is 409 NOT_OPEN), then the opening itself.
  for (const page of [`/products/${drop.id}`, "/"]) {
    const status = await fetch(base + page).then((r) => r.status);
    if (status !== 200) throw new Error(`GET ${page} answered ${status}`);
  }
  await fire(`${base}/api/orders`, 3, 64);
  const metricsBefore = await scrape();
  const opening = await seed.openSale(drop.id, 1000);
  await new Promise((r) => setTimeout(r, Math.max(0, opening - Date.now())));
  log(`opening: ${N.connections} connections for ${N.duration}s${killAt !== null ? `, Redis killed at ${killAt}s for ${opt["redis-down-for"]}s` : ""}`);
  const mem = watchMemory(server.pid!);
  const cpuBefore = cpuSeconds(server.pid!);
  const main = await measure(`${base}/api/orders`, () => {
    if (killAt === null) return;
    setTimeout(async () => {
      log("killing Redis");
      await redis.stop();
      setTimeout(() => void redis.start().then(() => log("Redis restarted (empty)")), Number(opt["redis-down-for"]) * 1000);
    }, killAt * 1000);
  });
  const serverCpuUs = Math.round(((cpuSeconds(server.pid!) - cpuBefore) * 1e6) / main.requests);
  const metricsAfter = await scrape();
  log(`opening: ${main.requestsPerSecond} requests/s, p50 ${main.latencyMs.p50} ms, p99 ${main.latencyMs.p99} ms; server CPU ${serverCpuUs} µs per request`);
  const stalls = stallsOf(metricsBefore, metricsAfter);
  log(`stalls: event loop delay max ${stalls.loopDelayMaxMs} ms, p99 ${stalls.loopDelayP99Ms} ms; GC ${Object.entries(stalls.gc).map(([k, v]) => `${k} ${v.count}× ${v.totalMs} ms`).join(", ")}`);

  // Rejections only: the drop is sold out; count PostgreSQL queries per refused request.
  const scrapeCost = (await scrape()).pgQueries - (await scrape()).pgQueries;
  const beforeFlood = await scrape();
  const flood = await fire(`${base}/api/orders`, 5);
  const afterFlood = await scrape();
  const floodRequests = flood.requests.total;
  const floodQueries = afterFlood.pgQueries - beforeFlood.pgQueries - Math.abs(scrapeCost);
  const peakRssMb = mem.stop();

  await new Promise((r) => setTimeout(r, 1000)); // quiet
  const ledger = await seed.checkLedger(drop.id, N.limit);
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));

  let ceiling: Figures | null = null;
  let ceilingCpuUs: number | null = null;
  let floor: Pick<Figures, "requestsPerSecond" | "latencyMs"> | null = null;
  if (!opt["skip-ceiling"]) {
    const port = await freePort();
    const c = spawnNode(["bench/ceiling-server.ts", String(port), redis.url, "ceiling:", drop.id], {}, pin?.server);
    await new Promise((r) => c.once("message", r));
    await seed.loadCeilingDrop(redis.url, "ceiling:", drop.id, N.units, N.limit, drop.variants);
    const ceilingCpuBefore = cpuSeconds(c.pid!);
    ceiling = await measure(`http://127.0.0.1:${port}/api/orders`);
    ceilingCpuUs = Math.round(((cpuSeconds(c.pid!) - ceilingCpuBefore) * 1e6) / ceiling.requests);
    log(`ceiling (bare Node + the same Lua): ${ceiling.requestsPerSecond} requests/s, p99 ${ceiling.latencyMs.p99} ms → ratio ${(main.requestsPerSecond / ceiling.requestsPerSecond).toFixed(3)}; its CPU ${ceilingCpuUs} µs per request → CPU ratio ${(ceilingCpuUs / serverCpuUs).toFixed(3)}`);
    // The machine's floor: the same server answering a fixed 15 bytes (no Redis, no body), loaded the same
    // way. What latency the generator, the loopback and the two cores give a server that does nothing.
    if (useWrk) {
      const r = wrk(`http://127.0.0.1:${port}/`, { connections: N.connections, seconds: Math.max(5, Math.round(N.duration / 2)), cpus: pin?.load });
      floor = { requestsPerSecond: r.requestsPerSecond, latencyMs: { p50: r.p50Ms, p99: r.p99Ms } };
      log(`floor (the same bare server answering fixed bytes): ${floor.requestsPerSecond} requests/s, p50 ${floor.latencyMs.p50} ms, p99 ${floor.latencyMs.p99} ms`);
    }
    c.kill("SIGTERM");
  }
  await redis.stop();

  const result = {
    at: new Date().toISOString(),
    config: { ...N, node: process.version, pinned: pin, generator: useWrk ? "wrk" : "autocannon", server: opt.server, killRedisAt: killAt, redisDownFor: killAt === null ? null : Number(opt["redis-down-for"]), cpus: (await import("node:os")).cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: (await import("node:os")).loadavg().map((x) => +x.toFixed(2)) },
    ...main,
    ordersCreated: ledger.orders,
    unitsOversold: ledger.oversold,
    invariant: ledger,
    pgQueriesPerRejectedRequest: floodRequests ? +(floodQueries / floodRequests).toFixed(4) : null,
    rejectedFlood: { requests: floodRequests, pgQueries: floodQueries, responsesByStatus: statusCounts(flood) },
    pgQueriesDuringOpening: metricsAfter.pgQueries - metricsBefore.pgQueries,
    peakServerRssMb: peakRssMb,
    stalls,
    redisFallbackActivated: metricsAfter.fallbackRebuilds > metricsBefore.fallbackRebuilds || metricsAfter.fallback > 0,
    ceiling: ceiling && { requestsPerSecond: ceiling.requestsPerSecond, latencyMs: ceiling.latencyMs },
    floor,
    ratioToCeiling: ceiling ? +(main.requestsPerSecond / ceiling.requestsPerSecond).toFixed(3) : null,
    // Server CPU per request: what the machine's other work hardly moves (requests/s swing with it).
    cpuUsPerRequest: { server: serverCpuUs, ceiling: ceilingCpuUs, ratio: ceilingCpuUs === null ? null : +(ceilingCpuUs / serverCpuUs).toFixed(3) },
  };
  mkdirSync(resolve(root, "bench/results"), { recursive: true });
  const file = resolve(root, `bench/results/flash${N.sizes > 0 ? "-sizes" : ""}${killAt !== null ? "-kill-redis" : ""}${opt.server === "next" ? "-next" : ""}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
  log(`written to ${file}`);
  await seed.close();
  process.exit(ledger.ok ? 0 : 1);
}

/** One load run's figures, whichever generator produced them. */
type Figures = { requestsPerSecond: number; latencyMs: Record<string, number>; requests: number; responsesByStatus: Record<string, number>; errors: number; timeouts: number };

function fromAutocannon(r: autocannon.Result): Figures {
  return {
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    requests: r.requests.total, responsesByStatus: statusCounts(r), errors: r.errors, timeouts: r.timeouts,
  };
}

function fromWrk(r: ReturnType<typeof wrk>): Figures {
  const { requests } = r;
  // wrk counts only "not 2xx": a drop's 201s against its 409s (sold out, over the limit).
  return { requestsPerSecond: r.requestsPerSecond, latencyMs: { p50: r.p50Ms, p99: r.p99Ms }, requests, responsesByStatus: { "2xx": requests - r.non2xx, "non-2xx": r.non2xx }, errors: r.errors, timeouts: 0 };
}

function statusCounts(r: autocannon.Result) {
  const s = (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.count]));
}

async function scrape() {
  const text = await (await fetch(`${base}/api/metrics`)).text();
  const num = (re: RegExp) => Number(text.match(re)?.[1] ?? 0);
  const gc = (kind: string, what: "sum" | "count") => num(new RegExp(`^hurryup_nodejs_gc_duration_seconds_${what}\\{kind="${kind}"\\} ([\\d.e+-]+)`, "m"));
  return {
    pgQueries: num(/^hurryup_pg_queries_total (\d+)/m),
    fallback: num(/^hurryup_stock_redis_fallback (\d+)/m),
    fallbackRebuilds: num(/^hurryup_stock_redis_rebuilds_total (\d+)/m),
    // prom-client's event-loop delay histogram restarts at every scrape: these are the figures since the last one.
    loopDelayMaxMs: +(num(/^hurryup_nodejs_eventloop_lag_max_seconds ([\d.e+-]+)/m) * 1000).toFixed(1),
    loopDelayP99Ms: +(num(/^hurryup_nodejs_eventloop_lag_p99_seconds ([\d.e+-]+)/m) * 1000).toFixed(1),
    gc: Object.fromEntries(["minor", "major", "incremental"].map((k) => [k, { seconds: gc(k, "sum"), count: gc(k, "count") }])),
  };
}

/**
 * Where the server stood still during the opening: the longest event-loop delay and its p99 (what a tail
 * latency beyond the ceiling's is made of), and the garbage collector's pauses by kind.
 */
function stallsOf(before: Awaited<ReturnType<typeof scrape>>, after: Awaited<ReturnType<typeof scrape>>) {
  const gc = Object.fromEntries(Object.entries(after.gc).map(([k, v]) => {
    const count = v.count - before.gc[k].count, ms = (v.seconds - before.gc[k].seconds) * 1000;
    return [k, { count, totalMs: Math.round(ms), meanMs: count ? +(ms / count).toFixed(2) : 0 }];
  }));
  return { loopDelayMaxMs: after.loopDelayMaxMs, loopDelayP99Ms: after.loopDelayP99Ms, gc };
}

/**
 * 1000 sizes as a crowd asks for them: a bell over the run centred on its middle (σ = a fifth of the run),
 * shuffled by a fixed seed so every run sends the same sequence.
 */
function sizeDemand(ids: string[]): string[] {
  const mid = (ids.length - 1) / 2, sigma = Math.max(1, ids.length / 5);
  const weights = ids.map((_, i) => Math.exp(-(((i - mid) / sigma) ** 2) / 2));
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = ids.flatMap((id, i) => Array<string>(Math.max(1, Math.round((1000 * weights[i]) / sum))).fill(id));
  let s = 42;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function load(url: string, bodies: string[], cookies: string[], seconds: number, connections: number, onStart?: () => void) {
  let i = 0;
  return new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      {
        url, method: "POST", connections, duration: seconds, pipelining: 1, timeout: 10,
        headers: { "content-type": "application/json", origin: base },
        requests: [{
          setupRequest: (req) => {
            const n = i++;
            return { ...req, body: bodies[n % bodies.length], headers: { ...req.headers, cookie: cookies[n % cookies.length], "idempotency-key": `bench-${process.pid}-${Date.now()}-${n}` } };
          },
        }],
      },
      (err, res) => (err ? fail(err) : done(res)),
    );
    onStart?.();
    void instance;
  });
}

function spawnNode(args: string[], extraEnv: Record<string, string>, cpus?: string) {
  const child = spawn(...onCpus(cpus, process.execPath, ["--import", "tsx", ...args]), { cwd: root, env: { ...process.env, ...extraEnv }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  children.push(child);
  return child;
}

async function startServer(env: Record<string, string>) {
  const child = opt.server === "next"
    ? spawn(...onCpus(pin?.server, process.execPath, [resolve(root, "node_modules/next/dist/bin/next"), "start", "-p", String(N.port), "-H", "127.0.0.1"]), { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] })
    : spawnNode([...SERVER_NODE_FLAGS, ...(opt.profile ? ["--cpu-prof", `--cpu-prof-dir=${resolve(root, "bench/results/prof")}`] : []), "server/index.ts"], env, pin?.server);
  children.push(child);
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error("server exited");
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not start");
}

/** Peak resident memory of the server process (kernel's high-water mark, VmHWM). */
function watchMemory(pid: number) {
  const read = () => Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+)/)?.[1] ?? 0);
  let peak = read();
  const t = setInterval(() => { try { peak = Math.max(peak, read()); } catch {} }, 500);
  return { stop: () => (clearInterval(t), Math.round(Math.max(peak, (() => { try { return read(); } catch { return 0; } })()) / 1024)) };
}

function run(cmd: string, args: string[]) {
  return new Promise<void>((ok, fail) => spawn(cmd, args, { cwd: root, stdio: "inherit", env: process.env }).once("exit", (c) => (c === 0 ? ok() : fail(new Error(`${cmd} failed`)))));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
