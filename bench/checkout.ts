// npm run bench:checkout — a whole drop, paid. Starts its own Redis, database, Toss-compatible server (a
// process of its own, as Toss is) and the production server (`npm start`: Next plus the fast paths), then:
//   1. the opening: signed-in buyers place orders, `--concurrency` at a time → orders placed/s;
//   2. payment. Profile "mixed" (default): each buyer goes on through the payment window with the fake's
//      load profile (20 % abandon, 20 % declined at confirm) and confirms through POST /api/payments/confirm.
//      Profile "saturate": no abandon, no decline; every admitted buyer passes the window, then they all
//      confirm at once — half in one burst (all in flight together), half with `--confirm-concurrency`
//      buyers in flight (a steady stream) → confirms/s and confirm latency p50/p99;
//   3. ceilings with wrk: the same route answering a refresh ("already", no Toss call, no write) and a
//      bare Node server, under the same connections;
//   4. lets the holds run out, runs hold expiry and reconciliation, checks the stock ledger and prints the
//      money audit (the fake's ledger against orders, payments, refunds and settlement).
// Every figure carries the load averages at the time. Writes bench/results/checkout[-<profile>].json.
// Options: --profile mixed|saturate --units --buyers --limit 1 --concurrency 128 --confirm-concurrency 64
//          --abandon --fail --hold --toss-latency 0 --port 3391 --server fast|next --web-concurrency 1
//          --pool 20 (DATABASE_POOL_SIZE) --cpu-prof --build   (with --web-concurrency > 1 the statements-per-confirm figure covers one process)
import { spawn, type ChildProcess } from "node:child_process";
import { register } from "node:module";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { freePort, RedisProcess } from "../test/redis-server";
import { hasWrk, loadAverage, percentiles, pool, tally, wrk } from "./load";
import { SERVER_NODE_FLAGS } from "../server/node-flags";

const root = resolve(import.meta.dirname, "..");
const { values: opt } = parseArgs({
  options: {
    profile: { type: "string", default: "mixed" },
    units: { type: "string" }, buyers: { type: "string" }, limit: { type: "string", default: "1" },
    concurrency: { type: "string", default: "128" }, "confirm-concurrency": { type: "string", default: "64" },
    abandon: { type: "string" }, fail: { type: "string" }, hold: { type: "string" }, "toss-latency": { type: "string", default: "0" },
    port: { type: "string", default: "3391" }, server: { type: "string", default: "fast" }, "web-concurrency": { type: "string", default: "1" },
    pool: { type: "string", default: "20" }, "cpu-prof": { type: "boolean", default: false }, build: { type: "boolean", default: false },
  },
});
const saturate = opt.profile === "saturate";
if (!saturate && opt.profile !== "mixed") throw new Error(`unknown --profile ${opt.profile}`);
const dflt = saturate ? { units: 1000, buyers: 1500, abandon: 0, fail: 0, hold: 120 } : { units: 500, buyers: 2000, abandon: 0.2, fail: 0.2, hold: 10 };
const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
const N = {
  profile: opt.profile, units: num(opt.units, dflt.units), buyers: num(opt.buyers, dflt.buyers), limit: +opt.limit, concurrency: +opt.concurrency,
  confirmConcurrency: +opt["confirm-concurrency"], abandonRate: num(opt.abandon, dflt.abandon), failRate: num(opt.fail, dflt.fail),
  holdSeconds: num(opt.hold, dflt.hold), tossLatencyMs: +opt["toss-latency"], port: +opt.port, server: opt.server, webConcurrency: +opt["web-concurrency"],
};
const base = `http://127.0.0.1:${N.port}`;
const log = (...a: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)} load ${loadAverage().join(" ")}]`, ...a);
const children: ChildProcess[] = [];
process.on("exit", () => children.forEach((c) => c.exitCode === null && c.kill("SIGTERM")));
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));

type Placed = { cookie: string; id: string; amount: number };
type Confirm = { order: Placed; ms: number; http: number; outcome: string; attempts: number; endedAt: number };

async function main() {
  const loadBefore = loadAverage();
  const redis = await RedisProcess.start();
  const dbName = `hurryup_bench_checkout_${N.port}`;
  const tossPort = await freePort();
  const env: Record<string, string> = {
    NODE_ENV: "production", HURRYUP_DEMO: "1", LOG_LEVEL: "warn", PG_QUERY_METRICS: "1", WEB_CONCURRENCY: String(N.webConcurrency), PORT: String(N.port), HOST: "127.0.0.1",
    DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${dbName}`, DATABASE_POOL_SIZE: opt.pool,
    REDIS_URL: redis.url, REDIS_KEY_PREFIX: "bench-checkout:", APP_URL: base, ORDER_HOLD_SECONDS: String(N.holdSeconds),
    TOSS_SECRET_KEY: "test_sk_bench_checkout", TOSS_TIMEOUT_MS: "5000", TOSS_API_BASE_URL: `http://127.0.0.1:${tossPort}`,
  };
  Object.assign(process.env, env);
  register("../server/server-only-hook.mjs", import.meta.url);
  const tossUrl = env.TOSS_API_BASE_URL;
  await startToss(tossPort, env);
  const seed = await import("./seed");
  if (opt.build || !existsSync(resolve(root, ".next/BUILD_ID"))) await run("npm", ["run", "-s", "build"]);

  log(`database ${dbName}, redis ${redis.url}, toss ${tossUrl}, profile ${N.profile}`);
  await seed.resetDatabase(env.DATABASE_URL);
  const drop = await seed.seedDrop(N.units, N.limit);
  const cookies = await seed.seedBuyers(N.buyers);
  log(`${N.buyers} verified buyers with session cookies`);
  const server = await startServer(env);
  // Warm both routes (orders answer 409 NOT_OPEN; the confirm 404s on a made-up order) and the page.
  await Promise.all(cookies.slice(0, 32).map((c) => placeOrder(c, drop.id)));
  await Promise.all(cookies.slice(0, 32).map((c) => confirm({ cookie: c, id: "HU-warmup-000", amount: 1 }, "warmup")));
  await fetch(`${base}/payments/success?paymentKey=x&orderId=HU-warmup-000&amount=1`, { headers: { cookie: cookies[0] } }).then((r) => r.arrayBuffer());

  const opening = await seed.openSale(drop.id, 1000);
  await new Promise((r) => setTimeout(r, Math.max(0, opening - Date.now())));
  log(`opening: ${N.buyers} buyers, ${N.concurrency} at a time, ${N.units} units`);
  const started = Date.now();
  const orderAnswers: { http: number; ms: number }[] = [];
  const windows: string[] = [];
  const confirms: Confirm[] = [];
  const placed: Placed[] = [];
  let lastPlacedAt = started;
  await pool(cookies, N.concurrency, async (cookie) => {
    const t0 = performance.now();
    const r = await placeOrder(cookie, drop.id).catch(() => ({ status: 0, body: {} as { order?: { id: string; amount: number } } }));
    orderAnswers.push({ http: r.status, ms: performance.now() - t0 });
    if (r.status !== 201 || !r.body.order) return;
    lastPlacedAt = Date.now();
    const p = { cookie, ...r.body.order };
    placed.push(p);
    if (saturate) return;
    // mixed: this buyer goes on at once through the window and, if it lets them, confirms
    const w = await paymentWindow(tossUrl, p, "profile");
    windows.push(w.result);
    if (w.result === "success") confirms.push(await confirm(p, w.paymentKey!));
  });
  const placement = { seconds: +((lastPlacedAt - started) / 1000).toFixed(2), load: loadAverage() };
  const ordersPerSecond = +(placed.length / placement.seconds).toFixed(1);
  log(`orders placed: ${placed.length} in ${placement.seconds}s = ${ordersPerSecond}/s (until the last unit)`);

  let waves: Record<string, unknown> = {};
  if (saturate) {
    const keys = await pool(placed, 64, async (p) => {
      const w = await paymentWindow(tossUrl, p, "pay");
      windows.push(w.result);
      return w.paymentKey!;
    });
    const half = Math.ceil(placed.length / 2);
    const burst = await wave(`burst: ${half} buyers confirm at once`, placed.slice(0, half), keys.slice(0, half), Infinity);
    const steady = await wave(`steady: ${placed.length - half} buyers, ${N.confirmConcurrency} in flight`, placed.slice(half), keys.slice(half), N.confirmConcurrency);
    confirms.push(...burst.confirms, ...steady.confirms);
    waves = { burst: burst.figures, steady: steady.figures };
  }
  const confirmFigures = { ...summarize(confirms), ...(saturate ? {} : { perSecondOverTheDrop: +(confirms.length / ((Math.max(...confirms.map((c) => c.endedAt)) - started) / 1000)).toFixed(1) }) };

  // Ceilings, same connections, same run: the route answering a refresh, and a bare Node server.
  const paidOne = confirms.find((c) => c.outcome === "paid")?.order;
  const ceilings = hasWrk() && paidOne ? {
    confirmRefresh: wrk(`${base}/api/payments/confirm`, { connections: N.confirmConcurrency, seconds: 5, method: "POST", body: JSON.stringify({ paymentKey: "refresh", orderId: paidOne.id, amount: paidOne.amount }), headers: { "content-type": "application/json", origin: base, cookie: paidOne.cookie } }),
    bareNode: await bareNodeCeiling(),
  } : "wrk not installed (apt-get install -y wrk)";
  if (typeof ceilings !== "string") log(`ceilings (wrk, ${N.confirmConcurrency} connections): refresh of a paid order ${ceilings.confirmRefresh.requestsPerSecond}/s p99 ${ceilings.confirmRefresh.p99Ms} ms; bare Node ${ceilings.bareNode.requestsPerSecond}/s`);

  const { db } = await import("@/lib/db");
  const pendingLeft = await db.order.count({ where: { status: "PENDING_PAYMENT" } });
  if (pendingLeft) {
    log(`waiting ${N.holdSeconds}s for ${pendingLeft} unpaid holds to run out`);
    await new Promise((r) => setTimeout(r, (N.holdSeconds + 1) * 1000));
  }
  const { expireHolds } = await import("@/lib/orders/lifecycle/holds");
  const { reconcilePayments } = await import("@/lib/payments/reconcile");
  const reconciled = await reconcilePayments({ olderThanMs: 0 });
  let expired = 0;
  for (let i = 0; i < 50; i++) {
    const n = await expireHolds({ limit: 500 });
    expired += n;
    if (n < 500) break;
  }
  const byStatus = Object.fromEntries((await db.order.groupBy({ by: ["status"], _count: { _all: true } })).map((r) => [r.status, r._count._all]));
  const paidWithoutUnits = await db.order.count({ where: { status: "PAID", OR: [{ items: { none: {} } }, { payment: { is: null } }, { payment: { status: { not: "DONE" } } }] } });
  const holdsNeverEnded = await db.order.count({ where: { status: { in: ["PENDING_PAYMENT", "CONFIRMING"] } } });
  const ledger = await seed.checkLedger(drop.id, N.limit);
  const { auditMoney } = await import("@/lib/payments/audit-load");
  const { formatMoneyAudit } = await import("@/lib/payments/audit");
  const audit = await auditMoney({ tossUrl });
  console.log(formatMoneyAudit(audit));
  server.kill("SIGTERM");
  await redis.stop();

  const result = {
    at: new Date().toISOString(),
    config: { ...N, cpus: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadAverage() },
    ordersPlacedPerSecond: { value: ordersPerSecond, placed: placed.length, ...placement },
    orderLatencyMs: percentiles(orderAnswers.map((a) => a.ms)),
    orderAnswersByStatus: tally(orderAnswers.map((a) => String(a.http || "network"))),
    paymentWindows: tally(windows),
    confirms: confirmFigures,
    ...(saturate && { confirmWaves: waves }),
    ceilings,
    ordersByStatus: byStatus,
    afterHolds: { reconciled, holdsExpiredByJob: expired },
    unitsOversold: ledger.oversold, paidOrdersWithoutUnits: paidWithoutUnits, holdsNeverEnded,
    invariant: ledger,
    moneyAudit: { checked: audit.checked, disagreements: audit.disagreements.length, first: audit.disagreements.slice(0, 10) },
  };
  const ok = ledger.ok && ledger.oversold === 0 && paidWithoutUnits === 0 && holdsNeverEnded === 0 && audit.disagreements.length === 0;
  mkdirSync(resolve(root, "bench/results"), { recursive: true });
  const file = resolve(root, `bench/results/checkout${saturate ? "-saturate" : ""}.json`);
  writeFileSync(file, JSON.stringify({ ...result, ok }, null, 2));
  console.log(JSON.stringify({ ...result, ok }, null, 2));
  log(`written to ${file}`);
  await seed.close();
  process.exit(ok ? 0 : 1);
}

/** One wave of confirms: `concurrency` buyers in flight (Infinity: every one at once). */
async function wave(name: string, orders: Placed[], keys: string[], concurrency: number) {
  const load = loadAverage();
  const scrapeCost = -(await pgQueries()) + (await pgQueries()); // /api/metrics itself reads PostgreSQL
  const queriesBefore = await pgQueries();
  const t0 = Date.now();
  const confirms = await pool(orders.map((p, i) => [p, keys[i]] as const), concurrency, ([p, key]) => confirm(p, key));
  const seconds = (Date.now() - t0) / 1000;
  const pgQueriesPerConfirm = +((await pgQueries()) - queriesBefore - scrapeCost) / confirms.length;
  const figures = { ...summarize(confirms), seconds: +seconds.toFixed(2), confirmsPerSecond: +(confirms.length / seconds).toFixed(1), pgQueriesPerConfirm: +pgQueriesPerConfirm.toFixed(1), loadBefore: load, loadAfter: loadAverage() };
  log(`${name}: ${figures.confirmsPerSecond} confirms/s, p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms, ${figures.pgQueriesPerConfirm} PostgreSQL statements per confirm, outcomes ${JSON.stringify(figures.outcomes)}`);
  return { confirms, figures };
}

/** Statements the server process sent to PostgreSQL so far (PG_QUERY_METRICS). */
async function pgQueries() {
  const text = await (await fetch(`${base}/api/metrics`)).text();
  return Number(text.match(/^hurryup_pg_queries_total (\d+)/m)?.[1] ?? 0);
}

function summarize(confirms: Confirm[]) {
  return { latencyMs: percentiles(confirms.map((c) => c.ms)), askedAgainAfter503: confirms.filter((c) => c.attempts > 1).length, answersByStatus: tally(confirms.map((c) => String(c.http || "network"))), outcomes: tally(confirms.map((c) => c.outcome)) };
}

let seq = 0;
async function placeOrder(cookie: string, productId: string) {
  const res = await fetch(`${base}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie, "idempotency-key": `bench-${process.pid}-${seq++}` },
    body: JSON.stringify({ items: [{ productId, quantity: 1 }] }),
  });
  return { status: res.status, body: (await res.json()) as { order?: { id: string; amount: number } } };
}

/** The Toss-compatible server's payment window: "profile" follows its abandon/fail rates, "pay" always pays. */
async function paymentWindow(tossUrl: string, p: Placed, action: "profile" | "pay") {
  const res = await fetch(`${tossUrl}/v1/_fake/sessions`, { method: "POST", body: JSON.stringify({ orderId: p.id, amount: p.amount, orderName: "bench", action }) });
  return (await res.json()) as { result: string; paymentKey?: string };
}

/**
 * What the success page's island does: POST the success URL's query to the confirm route, and after a
 * 503 (too busy to start; nothing sent to Toss) ask again after Retry-After, up to 4 times in all.
 */
async function confirm(p: Placed, paymentKey: string): Promise<Confirm> {
  const t0 = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${base}/api/payments/confirm`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base, cookie: p.cookie },
        body: JSON.stringify({ paymentKey, orderId: p.id, amount: p.amount }),
      });
      const body = (await res.json()) as { outcome?: string; error?: { code: string } };
      if (res.status === 503 && attempt < 4) {
        await new Promise((r) => setTimeout(r, 1000 * (Number(res.headers.get("retry-after")) || 1)));
        continue;
      }
      return { order: p, ms: performance.now() - t0, http: res.status, outcome: body.outcome ?? body.error?.code ?? "?", attempts: attempt, endedAt: Date.now() };
    } catch {
      return { order: p, ms: performance.now() - t0, http: 0, outcome: "network", attempts: attempt, endedAt: Date.now() };
    }
  }
}

async function startToss(port: number, env: Record<string, string>) {
  const args = ["--import", "tsx", "scripts/toss-fake.ts", "--port", String(port), "--secret-key", env.TOSS_SECRET_KEY, "--seed", "42", "--abandon-rate", String(N.abandonRate), "--fail-rate", String(N.failRate), "--latency", String(N.tossLatencyMs)];
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
  children.push(child);
  await waitFor(`http://127.0.0.1:${port}/`, child);
}

async function startServer(env: Record<string, string>) {
  const prof = opt["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${resolve(root, "bench/results/prof")}`] : [];
  const child = N.server === "next"
    ? spawn(process.execPath, [...prof, resolve(root, "node_modules/next/dist/bin/next"), "start", "-p", String(N.port), "-H", "127.0.0.1"], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] })
    : spawn(process.execPath, [...SERVER_NODE_FLAGS, ...prof, "--import", "tsx", "server/index.ts"], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
  children.push(child);
  await waitFor(`${base}/api/health`, child);
  return child;
}

async function bareNodeCeiling() {
  const port = await freePort();
  const child = spawn(process.execPath, ["-e", `require("node:http").createServer((q, s) => { q.resume(); q.on("end", () => s.end('{"outcome":"already"}')); }).listen(${port}, "127.0.0.1")`], { stdio: "ignore" });
  children.push(child);
  await waitFor(`http://127.0.0.1:${port}/`, child);
  const figures = wrk(`http://127.0.0.1:${port}/`, { connections: N.confirmConcurrency, seconds: 5, method: "POST", body: "{}" });
  child.kill("SIGTERM");
  return figures;
}

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited`);
    if (await fetch(url).then(() => true, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not start`);
}

function run(cmd: string, args: string[]) {
  return new Promise<void>((ok, fail) => spawn(cmd, args, { cwd: root, stdio: "inherit", env: process.env }).once("exit", (c) => (c === 0 ? ok() : fail(new Error(`${cmd} failed`)))));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
