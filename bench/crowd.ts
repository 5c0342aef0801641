// npm run bench:crowd — a drop's waiting crowd against one production server (`npm start`'s), measured.
// Starts its own Redis and database, seeds one upcoming drop and verified buyers with ready session
// cookies, starts the production build, and drives a realistic opening:
//
//  1. The stock poll alone, as fast as it goes: wrk, 128 connections, 10 s (GET /api/products/<id>/stock).
//  2. The crowd, stepped up. N buyers each load the product page once while the opening nears and then
//     poll its stock every 2 s (components/flash-sale/drop-panel.tsx, lib/stock/poll.ts). wrk has no
//     rate limit, so a step is modelled as two *paced* loads at once (bench/load.ts wrkAsync `paceMs`):
//     the polls at N / 2 req/s (each connection stands for a group of pollers and waits a jittered pause
//     between its requests) and the page loads at N / ARRIVAL req/s (the crowd arrives over the last
//     ARRIVAL seconds, default 60). A step holds when both rates are reached (≥ 90 % of the offered
//     rate: a server that falls behind shows as a missed rate, not only as latency), nothing fails, the
//     stock p99 is ≤ 50 ms and the page p99 ≤ 100 ms. N doubles from 2,000 until a step fails (halves
//     while the first fails), then one step halfway back; the largest N that held is the figure (and which bound broke first). The polls alone are
//     stepped up the same way after it (what the stock endpoint would hold if pages cost nothing).
//  3. The opening: the sale opens while the held crowd keeps polling, and buyers fire POST /api/orders
//     (wrk's buyer rotation: every request the next buyer, a fresh Idempotency-Key, as in bench:flash)
//     for a few seconds; then the stock invariant is checked on the ledger and Redis (bench/seed.ts).
//  4. The bare-Node ceiling in the same run (bench/ceiling-server.ts): the same bytes for the poll and the
//     page, the same ADMIT script for orders, under the same loads — every figure stands beside it.
// Every figure carries the load averages (the machine is shared; wrk runs on the same two cores).
// Options: --port 3391 --root <tree to serve, default this one> --stock-only (step 1 and its ceiling: the
//          before/after figure) --steps 2000,4000,… --step-seconds 8 --arrival 60 --units 1000
//          --buyers 3000 --limit 2 --buy-connections 256 --buy-seconds 8 --label <results file suffix>
//          --profile (CPU profile of the server into bench/results/prof)
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { register } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { RedisProcess, freePort } from "../test/redis-server";
import { SERVER_NODE_FLAGS } from "../server/node-flags";
import { hasWrk, loadAverage, wrk, wrkAsync, wrkConnections, type WrkResult } from "./load";
const here = resolve(import.meta.dirname, "..");
const { values: opt } = parseArgs({
  options: {
    port: { type: "string", default: "3391" },
    root: { type: "string", default: here },
    "stock-only": { type: "boolean", default: false },
    steps: { type: "string" },
    "step-seconds": { type: "string", default: "8" },
    arrival: { type: "string", default: "60" },
    units: { type: "string", default: "1000" },
    buyers: { type: "string", default: "3000" },
    limit: { type: "string", default: "2" },
    "buy-connections": { type: "string", default: "256" },
    "buy-seconds": { type: "string", default: "8" },
    label: { type: "string" },
    profile: { type: "boolean", default: false },
  },
});
const N = {
  port: +opt.port, stepSeconds: +opt["step-seconds"], arrival: +opt.arrival, units: +opt.units, buyers: +opt.buyers, limit: +opt.limit,
  buyConnections: +opt["buy-connections"], buySeconds: +opt["buy-seconds"],
};
const BOUNDS = { stockP99Ms: 50, pageP99Ms: 100, reached: 0.9 };
const serverRoot = resolve(opt.root);
const base = `http://127.0.0.1:${N.port}`;
const log = (...a: unknown[]) => console.log(`[crowd ${new Date().toISOString().slice(11, 19)}]`, ...a);

const children: ChildProcess[] = [];
process.on("exit", () => children.forEach((c) => c.exitCode === null && c.kill("SIGKILL")));
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));

type Step = { buyers: number; holds: boolean; broke: string[]; stock: Paced; page: Paced };
type Paced = { offeredPerSecond: number; requestsPerSecond: number; p50Ms: number; p99Ms: number; failed: number; connections: number; loadAfter: number[] };

async function main() {
  if (!hasWrk()) throw new Error("bench:crowd needs wrk (Debian package `wrk`)");
  const loadBefore = loadAverage();
  const redis = await RedisProcess.start();
  const dbName = `hurryup_bench_crowd_${N.port}`;
  const env = {
    NODE_ENV: "production", HURRYUP_DEMO: "1", LOG_LEVEL: "warn",
    DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${dbName}`, DATABASE_POOL_SIZE: "20",
    REDIS_URL: redis.url, REDIS_KEY_PREFIX: "crowd:", APP_URL: base, PORT: String(N.port), HOST: "127.0.0.1",
  };
  Object.assign(process.env, env);
  register("../server/server-only-hook.mjs", import.meta.url);
  const seed = await import("./seed");
  if (!existsSync(resolve(serverRoot, ".next/BUILD_ID"))) throw new Error(`no production build in ${serverRoot}: HURRYUP_DEMO=1 npm run build`);

  await seed.resetDatabase(env.DATABASE_URL);
  const drop = await seed.seedDrop(N.units, N.limit); // opens in an hour: the crowd waits
  const cookies = opt["stock-only"] ? [] : await seed.seedBuyers(N.buyers);
  log(`database ${dbName}, redis ${redis.url}, serving ${serverRoot}${cookies.length ? `, ${cookies.length} buyers` : ""}`);

  const server = await startServer(env);
  const stockUrl = `${base}/api/products/${drop.id}/stock`;
  const pageUrl = `${base}/products/${drop.id}`;
  const stockBody = await (await fetch(stockUrl)).text();
  const pageFile = join(tmpdir(), `bench-crowd-page-${process.pid}.html`);
  writeFileSync(pageFile, Buffer.from(await (await fetch(pageUrl)).arrayBuffer()));

  // The saturating single-endpoint runs come after the crowd steps: the garbage of a saturating run is
  // collected in whatever comes next, and the first crowd step would carry that pause.

  let crowd: { steps: Step[]; held: Step | null; page: WrkResult; pollsOnly: { steps: Step[]; held: Step | null } } | null = null;
  let opening: Awaited<ReturnType<typeof runOpening>> | null = null;
  let page: WrkResult | null = null;
  if (!opt["stock-only"]) {
    // The whole crowd (pages and polls), then the polls alone: which of the two limits the crowd.
    const withPages = await stepUp(stockUrl, pageUrl);
    const pollsOnly = await stepUp(stockUrl, null);
    page = wrk(pageUrl, { connections: 32, seconds: 5 });
    log("page alone, 32 connections:", page);
    crowd = { ...withPages, page, pollsOnly };
  }
  if (!crowd) wrk(stockUrl, { connections: 32, seconds: 3 }); // JIT warm-up (the crowd steps warmed it otherwise)
  log("stock poll: 128 connections, 10 s");
  const stock = wrk(stockUrl, { connections: 128, seconds: 10 });
  log(stock);
  if (crowd) opening = await runOpening(seed, drop.id, stockUrl, crowd.held?.buyers ?? 1000, cookies);
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));

  // The bare-Node ceiling under the same loads.
  const port = await freePort();
  const c = spawnNode(here, ["bench/ceiling-server.ts", String(port), redis.url, "ceiling:", drop.id], { CEILING_STOCK_BODY: stockBody, CEILING_PAGE_FILE: pageFile });
  await new Promise((r) => c.once("message", r));
  await seed.loadCeilingDrop(redis.url, "ceiling:", drop.id, N.units, N.limit, drop.variants);
  const bare = `http://127.0.0.1:${port}`;
  wrk(`${bare}/stock`, { connections: 32, seconds: 3 });
  const ceiling = {
    stock: wrk(`${bare}/api/products/${drop.id}/stock`, { connections: 128, seconds: 10 }),
    page: opt["stock-only"] ? null : wrk(`${bare}/products/${drop.id}`, { connections: 32, seconds: 5 }),
    orders: opt["stock-only"] ? null : ordersLoad(`${bare}/api/orders`, drop.id, cookies, false),
  };
  c.kill("SIGTERM");
  await redis.stop();

  const result = {
    at: new Date().toISOString(),
    config: { ...N, root: serverRoot, bounds: BOUNDS, cpus: (await import("node:os")).cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadAverage() },
    stockPoll: { ...stock, ceiling: pick(ceiling.stock), ratioToCeiling: +(stock.requestsPerSecond / ceiling.stock.requestsPerSecond).toFixed(3) },
    ...(crowd && {
      crowd: {
        largestCrowdHeld: crowd.held?.buyers ?? 0,
        largestCrowdHeldPollsOnly: crowd.pollsOnly.held?.buyers ?? 0,
        model: `N buyers: polls at N/2 req/s, page loads at N/${N.arrival} req/s; holds when both rates are reached and stock p99 ≤ ${BOUNDS.stockP99Ms} ms, page p99 ≤ ${BOUNDS.pageP99Ms} ms`,
        bareCeilingPollers: 2 * ceiling.stock.requestsPerSecond,
        steps: crowd.steps,
        pollsOnlySteps: crowd.pollsOnly.steps,
        pageAlone: { ...pick(crowd.page), ceiling: ceiling.page && pick(ceiling.page) },
      },
    }),
    ...(opening && { opening: { ...opening, orders: { ...opening.orders, ceiling: ceiling.orders && pick(ceiling.orders) } } }),
  };
  mkdirSync(resolve(here, "bench/results"), { recursive: true });
  const file = resolve(here, `bench/results/crowd${opt["stock-only"] ? "-stock" : ""}${opt.label ? `-${opt.label}` : ""}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
  log(`written to ${file}`);
  await seed.close();
  process.exit(opening && !opening.invariant.ok ? 1 : 0);
}

const pick = (r: WrkResult) => ({ requestsPerSecond: r.requestsPerSecond, p50Ms: r.p50Ms, p99Ms: r.p99Ms, non2xx: r.non2xx, errors: r.errors, loadAfter: r.loadAfter });

/**
 * `rate` req/s from paced connections, about `perConnection` req/s each: a connection's cycle is its pause
 * plus the latency, so the pause is kept long against the latency (10 req/s a connection for polls, 2 for
 * pages, which take longer: 100 and 500 ms against answers of a few milliseconds) and the offered rate is
 * met within the 90 % a step must reach.
 */
function paced(url: string, rate: number, perConnection: number, seconds: number, extra: { cookies?: string } = {}) {
  const connections = wrkConnections(Math.min(4000, Math.ceil(rate / perConnection)));
  const paceMs = Math.max(1, Math.round((connections * 1000) / rate));
  return wrkAsync(url, { connections, seconds, paceMs, ...extra }).then((r): Paced => ({
    offeredPerSecond: Math.round(rate), requestsPerSecond: r.requestsPerSecond, p50Ms: r.p50Ms, p99Ms: r.p99Ms, failed: r.non2xx + r.errors, connections, loadAfter: r.loadAfter,
  }));
}

const POLLS_PER_CONNECTION = 10;
const PAGES_PER_CONNECTION = 2;

const idle: Paced = { offeredPerSecond: 0, requestsPerSecond: 0, p50Ms: 0, p99Ms: 0, failed: 0, connections: 0, loadAfter: [] };

/** One step: N buyers' polls and (pageUrl null: none) their page loads, at once. */
async function crowdStep(stockUrl: string, pageUrl: string | null, buyers: number): Promise<Step> {
  const [stock, page] = await Promise.all([
    paced(stockUrl, buyers / 2, POLLS_PER_CONNECTION, N.stepSeconds),
    pageUrl === null ? idle : paced(pageUrl, buyers / N.arrival, PAGES_PER_CONNECTION, N.stepSeconds),
  ]);
  const broke: string[] = [];
  if (stock.p99Ms > BOUNDS.stockP99Ms) broke.push(`stock p99 ${stock.p99Ms} ms`);
  if (page.p99Ms > BOUNDS.pageP99Ms) broke.push(`page p99 ${page.p99Ms} ms`);
  if (stock.requestsPerSecond < BOUNDS.reached * stock.offeredPerSecond) broke.push(`stock rate ${stock.requestsPerSecond}/${stock.offeredPerSecond}`);
  if (pageUrl !== null && page.requestsPerSecond < BOUNDS.reached * page.offeredPerSecond) broke.push(`page rate ${page.requestsPerSecond}/${page.offeredPerSecond}`);
  if (stock.failed || page.failed) broke.push(`failed: stock ${stock.failed}, page ${page.failed}`);
  const step = { buyers, holds: broke.length === 0, broke, stock, page };
  log(`${buyers} buyers${pageUrl === null ? " (polls only)" : ""}: ${step.holds ? "holds" : `breaks (${broke.join("; ")})`}`, { stock: [stock.requestsPerSecond, stock.p99Ms], page: [page.requestsPerSecond, page.p99Ms] });
  return step;
}

const FIRST_STEP = 2000;

async function stepUp(stockUrl: string, pageUrl: string | null) {
  const steps: Step[] = [];
  const run = async (buyers: number) => {
    const s = await crowdStep(stockUrl, pageUrl, buyers);
    steps.push(s);
    return s;
  };
  const given = opt.steps?.split(",").map(Number);
  // A lead-in at the first step's size, not counted: the first renders behind the page micro-cache and the
  // first seconds of a pattern run cold (JIT, connection set-up) and would be charged to whichever step
  // came first.
  log("lead-in (not counted):");
  await crowdStep(stockUrl, pageUrl, given?.[0] ?? FIRST_STEP);
  if (given) {
    for (const buyers of given) await run(buyers);
    return { steps, held: steps.filter((s) => s.holds).at(-1) ?? null };
  }
  // Doubling from 2,000 until a step breaks (halving instead while even the first breaks), then one step
  // halfway between the last that held and the first that broke.
  let held: Step | null = null;
  let broke: number | null = null;
  for (let buyers = FIRST_STEP; buyers >= 125 && buyers <= 1_000_000; ) {
    const s = await run(buyers);
    if (s.holds) held = s;
    else broke = buyers;
    if (held && broke !== null) break;
    buyers = s.holds ? buyers * 2 : buyers / 2;
  }
  if (held && broke !== null) {
    const mid = Math.round((held.buyers + broke) / 2 / 125) * 125;
    if (mid > held.buyers && mid < broke) {
      const m = await run(mid);
      if (m.holds) held = m;
    }
  }
  return { steps, held };
}

type Seed = typeof import("./seed");

/** The sale opens while the held crowd polls; buyers fire orders; then the ledger is checked. */
async function runOpening(seed: Seed, productId: string, stockUrl: string, buyers: number, cookies: string[]) {
  const at = await seed.openSale(productId, 1500);
  await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));
  log(`opening: ${buyers} buyers polling, orders from ${N.buyConnections} connections for ${N.buySeconds}s`);
  const [polls, orders] = await Promise.all([
    paced(stockUrl, buyers / 2, POLLS_PER_CONNECTION, N.buySeconds),
    Promise.resolve().then(() => ordersLoad(`${base}/api/orders`, productId, cookies, true)),
  ]);
  await new Promise((r) => setTimeout(r, 1000));
  const invariant = await seed.checkLedger(productId, N.limit);
  const after = await (await fetch(stockUrl)).json() as { stock: { available: number; state: string } };
  log({ orders: pick(orders), polls, invariant: invariant.ok });
  return { crowd: buyers, polls, orders: pick(orders), ordersCreated: invariant.orders, stockAnswerAfter: after.stock, invariant };
}

/** POST /api/orders, every request the next buyer with a fresh key (bench/load.ts buyer rotation). */
function ordersLoad(url: string, productId: string, cookies: string[], async: true): Promise<WrkResult>;
function ordersLoad(url: string, productId: string, cookies: string[], async: false): WrkResult;
function ordersLoad(url: string, productId: string, cookies: string[], async: boolean) {
  const cookieFile = join(tmpdir(), `bench-crowd-cookies-${process.pid}.txt`);
  writeFileSync(cookieFile, cookies.join("\n") + "\n");
  const o = { method: "POST", body: JSON.stringify({ items: [{ productId, quantity: 1 }] }), headers: { "content-type": "application/json", origin: base }, cookies: cookieFile, connections: N.buyConnections, seconds: N.buySeconds };
  return async ? wrkAsync(url, o) : wrk(url, o);
}

function spawnNode(cwd: string, args: string[], extraEnv: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd, env: { ...process.env, ...extraEnv }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  children.push(child);
  return child;
}

async function startServer(env: Record<string, string>) {
  const prof = opt.profile ? ["--cpu-prof", `--cpu-prof-dir=${resolve(here, "bench/results/prof")}`] : [];
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...prof, "--import", "tsx", "server/index.ts"], { cwd: serverRoot, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
  children.push(child);
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error("server exited");
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("server did not start");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
