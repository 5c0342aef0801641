// npm run chaos:checkout — a drop paid by a few hundred buyers while things break, then the money audit and
// the stock invariant. Starts its own Redis, scratch database, Toss-compatible server (in this process, so
// it outlives every kill), the production server (server/index.ts, as `npm start`) and the worker
// (worker/index.ts), each in a process group of its own. During the drop:
//   - the app is SIGKILLed while confirms are in flight (buyers are on /payments/success and Toss has
//     confirm calls unanswered), then restarted — `--app-kills` times;
//   - the worker is SIGKILLed and restarted — `--worker-kills` times, spread over the drop;
//   - Toss answers confirms (and cancels) with timeouts, 409 IDEMPOTENT_REQUEST_PROCESSING and 5xx at set
//     rates (`--hang-rate`, `--slow-rate`/`--slow-ms`, `--conflict-rate`, `--error-rate`).
// Buyers behave like people: a failed page load (app down) is reloaded, with the same order Idempotency-Key
// and the same success URL. Then quiet: faults off, app and worker up, holds run out, and the worker's hold
// expiry and payment reconciliation are driven from here until nothing is pending (bounded by
// `--quiet-timeout`). Then everything is stopped and checked: the money audit (lib/payments/audit.ts)
// against the Toss-compatible server's ledger, the stock invariant (total = PostgreSQL available + units
// held + units sold, Redis = PostgreSQL, per-buyer counters and limit), paid orders without units, orders
// left CONFIRMING or holding. Every loss is printed with its order, its kind, the order's history and what
// Toss did; exit 1 if anything was lost (2 if the run itself failed). Writes bench/results/chaos-checkout.json.
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { register } from "node:module";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { ChildProcess } from "node:child_process";
import type { Disagreement } from "@/lib/payments/audit";
import type { LedgerPayment } from "@/lib/payments/toss-fake";
import type { RequestLogEntry } from "@/lib/payments/toss-fake/state";
import { RedisProcess } from "../test/redis-server";
import { Children, dropEnv, ensureBuild, payInWindow, placeOrder, root, sleep, stamp, tally, confirmPayment, waitForHealth } from "./drop";

const { values: opt } = parseArgs({
  options: {
    units: { type: "string", default: "300" },
    buyers: { type: "string", default: "600" },
    limit: { type: "string", default: "1" },
    concurrency: { type: "string", default: "48" },
    spread: { type: "string", default: "25" },
    abandon: { type: "string", default: "0.1" },
    fail: { type: "string", default: "0.1" },
    hold: { type: "string", default: "30" },
    port: { type: "string", default: "3392" },
    "app-kills": { type: "string", default: "3" },
    "worker-kills": { type: "string", default: "2" },
    "min-inflight": { type: "string", default: "3" },
    "down-ms": { type: "string", default: "1000" },
    "hang-rate": { type: "string", default: "0.05" },
    "hang-phase": { type: "string", default: "after" },
    "slow-rate": { type: "string", default: "0.05" },
    "slow-ms": { type: "string", default: "3000" },
    "conflict-rate": { type: "string", default: "0.05" },
    "error-rate": { type: "string", default: "0.05" },
    "fault-targets": { type: "string", default: "confirm,cancel" },
    "toss-timeout": { type: "string", default: "2000" },
    webhooks: { type: "string", default: "on" },
    seed: { type: "string", default: "42" },
    "quiet-timeout": { type: "string", default: "180" },
    build: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (opt.help) {
  console.log(`usage: npm run chaos:checkout -- [--units 300] [--buyers 600] [--limit 1] [--concurrency 48] [--spread 25 (s over which buyers arrive)]
  [--abandon 0.1] [--fail 0.1 (declined at confirm)] [--hold 30 (s)] [--port 3392]
  [--app-kills 3] [--worker-kills 2] [--min-inflight 3 (confirms in flight before an app kill)] [--down-ms 1000]
  [--hang-rate 0.05] [--hang-phase after|before] [--slow-rate 0.05] [--slow-ms 3000] [--conflict-rate 0.05] [--error-rate 0.05]
  [--fault-targets confirm,cancel[,lookup]] [--toss-timeout 2000 (the app's per-attempt timeout, ms)] [--webhooks on|off]
  [--seed 42] [--quiet-timeout 180 (s)] [--build]`);
  process.exit(0);
}

const N = {
  units: +opt.units, buyers: +opt.buyers, limit: +opt.limit, concurrency: +opt.concurrency, spreadS: +opt.spread,
  abandonRate: +opt.abandon, failRate: +opt.fail, holdSeconds: +opt.hold, port: +opt.port,
  appKills: +opt["app-kills"], workerKills: +opt["worker-kills"], minInflight: +opt["min-inflight"], downMs: +opt["down-ms"],
  tossTimeoutMs: +opt["toss-timeout"], seed: +opt.seed, quietTimeoutS: +opt["quiet-timeout"], webhooks: opt.webhooks !== "off",
};
const faults = {
  hangRate: +opt["hang-rate"], hangPhase: opt["hang-phase"] as "after" | "before", slowRate: +opt["slow-rate"], slowMs: +opt["slow-ms"],
  conflictRate: +opt["conflict-rate"], errorRate: +opt["error-rate"],
  faultTargets: opt["fault-targets"].split(",").map((s) => s.trim()) as ("confirm" | "cancel" | "lookup")[],
};
const base = `http://127.0.0.1:${N.port}`;
const log = stamp("chaos");
const children = new Children();
const logDir = resolve(root, "bench/results/chaos-logs");

// Load averages: at the start, the highest 1-minute figure seen while running, at the end.
const load = { start: loadavg(), peak1m: loadavg()[0], end: [] as number[] };
const loadSampler = setInterval(() => (load.peak1m = Math.max(load.peak1m, loadavg()[0])), 2000);
loadSampler.unref();
const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");

/** A restartable process: the app server or the worker, with the log of each life in its own file. */
class Service {
  child?: ChildProcess;
  lives = 0;
  constructor(readonly name: string, private readonly script: string, private readonly env: Record<string, string>) {}
  start() {
    this.lives++;
    this.child = children.spawn(process.execPath, ["--import", "tsx", this.script], { env: this.env, logFile: resolve(logDir, `${this.name}-${this.lives}.log`) });
    return this.child;
  }
  get up() {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }
}

type Journey = {
  buyer: number;
  orderId?: string;
  order: "placed" | "refused" | "error";
  /** Each POST /api/orders answer (network failures are retried and not listed). */
  orderHttp: number[];
  window?: "paid" | "abandoned" | "declined-in-window";
  /** Each load of the success page: its HTTP status or "network" (app down or killed under it). */
  confirmAnswers: (number | "network")[];
};

/** The success URLs being loaded right now, by orderId (what an app kill interrupts). */
const confirming = new Map<string, number>();

async function main() {
  mkdirSync(logDir, { recursive: true });
  const redis = await RedisProcess.start();
  children.onExit(() => void redis.stop());
  const env = dropEnv({ tag: "chaos-checkout", port: N.port, redisUrl: redis.url, holdSeconds: N.holdSeconds, tossTimeoutMs: N.tossTimeoutMs });
  Object.assign(process.env, env);
  register("../server/server-only-hook.mjs", import.meta.url);
  const { startTossFake } = await import("@/lib/payments/toss-fake");
  const fake = await startTossFake({
    secretKeys: [env.TOSS_SECRET_KEY], abandonRate: N.abandonRate, failRate: N.failRate, seed: N.seed,
    ...(N.webhooks && { webhook: { url: `${base}/api/webhooks/toss` } }),
  });
  children.onExit(() => void fake.close());
  env.TOSS_API_BASE_URL = process.env.TOSS_API_BASE_URL = fake.url;
  await ensureBuild(opt.build);
  const seed = await import("./seed");
  const { db } = await import("@/lib/db");

  log(`database ${new URL(env.DATABASE_URL).pathname.slice(1)}, redis ${redis.url}, toss ${fake.url}; process logs in ${logDir}`);
  log(`load average at start: ${fmtLoad(load.start)}`);
  await seed.resetDatabase(env.DATABASE_URL);
  const drop = await seed.seedDrop(N.units, N.limit);
  const cookies = await seed.seedBuyers(N.buyers);
  log(`${N.units} units, limit ${N.limit}, ${N.buyers} verified buyers`);

  const app = new Service("app", "server/index.ts", env);
  const worker = new Service("worker", "worker/index.ts", env);
  worker.start();
  await waitForHealth(base, app.start());
  // Warm the routes (every answer 409 NOT_OPEN; the success page 404s on a made-up order).
  await Promise.all(cookies.slice(0, 16).map((c) => placeOrder(base, c, drop.id, randomUUID()).catch(() => null)));
  await confirmPayment(base, cookies[0], "x", "HU-warmup-000", 1).catch(() => null);

  const opening = await seed.openSale(drop.id, 1000);
  await sleep(Math.max(0, opening - Date.now()));
  fake.config.set(faults);
  log(`opening: ${N.buyers} buyers over ${N.spreadS}s, ${N.concurrency} at a time; Toss faults ${JSON.stringify(faults)}`);
  const started = Date.now();

  // The buyers.
  const journeys: Journey[] = [];
  let next = 0;
  let buyersDone = false;
  const buying = Promise.all(Array.from({ length: N.concurrency }, async () => {
    while (next < cookies.length) {
      const i = next++;
      await sleep(started + (i * N.spreadS * 1000) / N.buyers - Date.now());
      journeys.push(await journey(i, cookies[i], drop.id, fake.url));
    }
  })).then(() => void (buyersDone = true));

  // The chaos: app kills mid-confirm, worker kills spread over the drop.
  const appKills: { at: number; confirmsInFlight: string[]; tossConfirmsUnanswered: number; downMs: number }[] = [];
  const workerKills: { at: number }[] = [];
  const killingApp = (async () => {
    for (let k = 0; k < N.appKills && !buyersDone; k++) {
      // Wait for confirms in flight: buyers on the success page, and Toss still working on confirm calls.
      const recentlyAsked = () => fake.state.requests.filter((r) => r.operation === "confirm" && r.status === null && Date.now() - r.at < 1500).length;
      while (!buyersDone && !(confirming.size >= N.minInflight && recentlyAsked() > 0)) await sleep(20);
      if (buyersDone) break;
      const inFlight = [...confirming.keys()];
      const unanswered = recentlyAsked();
      const t0 = Date.now();
      await children.kill(app.child!);
      log(`app SIGKILLed (#${k + 1}) with ${inFlight.length} confirm(s) in flight (${unanswered} unanswered at Toss)`);
      await sleep(N.downMs);
      await waitForHealth(base, app.start());
      appKills.push({ at: t0 - started, confirmsInFlight: inFlight, tossConfirmsUnanswered: unanswered, downMs: Date.now() - t0 });
      log(`app back after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      await sleep(2000);
    }
  })();
  const killingWorker = (async () => {
    for (let k = 0; k < N.workerKills; k++) {
      await sleep(started + ((k + 1) * N.spreadS * 1000) / (N.workerKills + 1) - Date.now());
      if (buyersDone) break;
      await children.kill(worker.child!);
      workerKills.push({ at: Date.now() - started });
      log(`worker SIGKILLed (#${k + 1})`);
      await sleep(N.downMs);
      worker.start();
    }
  })();
  await buying;
  await Promise.all([killingApp, killingWorker]);
  const dropSeconds = (Date.now() - started) / 1000;
  log(`all ${journeys.length} journeys done in ${dropSeconds.toFixed(1)}s; ${appKills.length} app kill(s), ${workerKills.length} worker kill(s)`);
  if (appKills.length < N.appKills) log(`warning: the drop ended before ${N.appKills} app kills could land mid-confirm`);

  // Quiet: faults off, everything up, Toss's slow work landed, holds run out, then hold expiry and payment
  // reconciliation (the worker's own jobs) driven from here until nothing is left pending.
  fake.config.set({ hangRate: 0, slowRate: 0, conflictRate: 0, errorRate: 0, nextFaults: [] });
  if (!app.up) await waitForHealth(base, app.start());
  if (!worker.up) worker.start();
  const { expireHolds } = await import("@/lib/orders/lifecycle/holds");
  const { reconcilePayments } = await import("@/lib/payments/reconcile");
  const { WEBHOOK_QUEUE, REFUND_REQUESTED_QUEUE } = await import("@/lib/payments/queues");
  const quietStarted = Date.now();
  const reconciled: Record<string, number> = {};
  let expiredByUs = 0;
  let pendingNow: Record<string, number> = {};
  let quiet = false;
  while (Date.now() - quietStarted < N.quietTimeoutS * 1000) {
    for (let n = 500; n === 500; expiredByUs += n) n = await expireHolds({ limit: 500 });
    for (const [k, v] of Object.entries(await reconcilePayments({ olderThanMs: 0, limit: 500 }))) reconciled[k] = (reconciled[k] ?? 0) + v;
    pendingNow = await pending(db, fake.state.inFlight.size, [WEBHOOK_QUEUE, REFUND_REQUESTED_QUEUE]);
    if (Object.values(pendingNow).every((v) => v === 0)) {
      quiet = true;
      break;
    }
    await sleep(1000);
  }
  // The worker's stock reconciliation (every 5 minutes in production) repairs Redis drift that held still;
  // run once here so the invariant below is checked after it, and what it had to repair is shown.
  const { reconcileStock } = await import("@/lib/stock/reconcile");
  const stockDrift = await reconcileStock();
  if (stockDrift.length) log(`stock reconciliation repaired Redis drift: ${JSON.stringify(stockDrift)}`);
  log(quiet ? `quiet after ${((Date.now() - quietStarted) / 1000).toFixed(1)}s` : `NOT quiet after ${N.quietTimeoutS}s: ${JSON.stringify(pendingNow)}`);
  log(`reconciliation outcomes ${JSON.stringify(reconciled)}, holds expired here ${expiredByUs}`);
  await Promise.all([app, worker].map((s) => s.child && children.stop(s.child)));

  // The checks.
  const { auditMoney } = await import("@/lib/payments/audit-load");
  const { formatMoneyAudit } = await import("@/lib/payments/audit");
  const ledger = fake.ledger();
  const audit = await auditMoney({ ledger: ledger.payments });
  const stock = await seed.checkLedger(drop.id, N.limit);
  const [paidWithoutUnits, confirmingLeft, holdingLeft] = await Promise.all([
    db.order.findMany({ where: { status: { in: ["PAID", "SHIPPING", "DELIVERED", "RETURN_REQUESTED"] }, items: { none: {} } }, select: { id: true } }),
    db.order.findMany({ where: { status: "CONFIRMING" }, select: { id: true } }),
    db.order.findMany({ where: { status: "PENDING_PAYMENT" }, select: { id: true, holdExpiresAt: true } }),
  ]);
  const byStatus = Object.fromEntries((await db.order.groupBy({ by: ["status"], _count: { _all: true } })).map((r) => [r.status, r._count._all]));
  const leaked = Math.max(0, stock.total - (stock.pgAvailable + stock.unitsHeld + stock.unitsSold));

  const moneyKinds = {
    chargesWithoutPaidOrderOrRefund: ["CHARGE_WITHOUT_ORDER", "CHARGE_WITHOUT_PAID_ORDER", "CHARGE_NOT_THE_ORDERS_PAYMENT"],
    paidOrdersWithoutCharge: ["PAID_ORDER_WITHOUT_PAYMENT", "PAID_ORDER_NOT_CHARGED", "PAID_ORDER_CANCELLED_AT_TOSS"],
    refundsDisagreeing: ["CANCEL_NOT_RECORDED", "REFUND_NOT_AT_TOSS", "REFUND_AMOUNT_MISMATCH"],
    amountsDisagreeing: ["AMOUNT_MISMATCH"],
    settlementDisagreeing: ["SETTLEMENT_SALE_MISMATCH", "SETTLEMENT_REFUND_MISMATCH", "SETTLEMENT_REFUND_WITHOUT_REFUND"],
  };
  const ofKinds = (kinds: string[]) => audit.disagreements.filter((d) => kinds.includes(d.kind));
  const lost = {
    ...Object.fromEntries(Object.entries(moneyKinds).map(([k, kinds]) => [k, ofKinds(kinds).length])),
    unitsOversold: stock.oversold,
    unitsLeaked: leaked,
    redisDisagreesWithPostgres: stock.redisAvailable !== null && stock.redisAvailable !== stock.pgAvailable ? 1 : 0,
    buyersOverLimit: stock.maxUnitsPerBuyer > N.limit ? 1 : 0,
    purchaseCountersWrong: stock.counterMismatches.length,
    paidOrdersWithoutUnits: paidWithoutUnits.length,
    ordersStuckConfirming: confirmingLeft.length,
    holdsNeverEnded: holdingLeft.length,
  } as Record<string, number>;
  const lostAnything = Object.values(lost).some((v) => v > 0) || audit.disagreements.length > 0;

  // Each loss, with its order's story: the transitions the shop recorded, and every call Toss saw for it.
  const lostOrderIds = [...new Set([...audit.disagreements.map((d) => d.orderId), ...paidWithoutUnits.map((o) => o.id), ...confirmingLeft.map((o) => o.id), ...holdingLeft.map((o) => o.id)])];
  const stories = await orderStories(db, lostOrderIds, audit.disagreements, fake.state.requests, ledger.payments, appKills, journeys);

  load.end = loadavg();
  const placed = journeys.filter((j) => j.order === "placed");
  const result = {
    at: new Date().toISOString(),
    config: { ...N, faults },
    drop: {
      seconds: +dropSeconds.toFixed(1),
      journeys: journeys.length, ordersPlaced: placed.length, refused: journeys.filter((j) => j.order === "refused").length,
      orderErrors: journeys.filter((j) => j.order === "error").length,
      orderAnswers: tally(journeys.flatMap((j) => (j.orderHttp.length ? j.orderHttp.map(String) : ["network"]))),
      window: tally(placed.map((j) => j.window ?? "none")),
      successPageLoads: tally(journeys.flatMap((j) => j.confirmAnswers.map(String))),
      reloadsAfterAFailedLoad: journeys.reduce((s, j) => s + Math.max(0, j.confirmAnswers.length - 1), 0),
    },
    chaos: {
      appKills, workerKills, appLives: app.lives, workerLives: worker.lives,
      tossFaults: tally(fake.state.requests.filter((r) => r.fault).map((r) => `${r.operation}:${r.fault}`)),
      tossAnswers: tally(fake.state.requests.map((r) => `${r.operation}:${r.status ?? "none"}`)),
    },
    quiet: { reached: quiet, seconds: +((Date.now() - quietStarted) / 1000).toFixed(1), reconciled, holdsExpiredHere: expiredByUs, stockDriftRepaired: stockDrift, pendingAtEnd: pendingNow },
    ordersByStatus: byStatus,
    toss: { charges: ledger.charges.length, refunds: ledger.refunds.length, paymentsDone: ledger.payments.filter((p) => p.status === "DONE").length },
    stock,
    lost,
    disagreements: audit.disagreements,
    lossesByCause: byCause(stories),
    stories,
    loadAverage: { start: load.start, peak1m: load.peak1m, end: load.end },
    ok: !lostAnything && quiet,
  };
  const file = resolve(root, "bench/results/chaos-checkout.json");
  writeFileSync(file, JSON.stringify(result, null, 2));

  console.log("\n== chaos:checkout ==");
  console.log(`drop: ${placed.length} orders placed, ${result.drop.refused} refused (sold out), ${result.drop.orderErrors} buyers without an answer; order answers ${JSON.stringify(result.drop.orderAnswers)}`);
  console.log(`      payment window ${JSON.stringify(result.drop.window)}; confirm answers ${JSON.stringify(result.drop.successPageLoads)}`);
  console.log(`chaos: ${appKills.length} app SIGKILL(s) mid-confirm (${appKills.map((k) => `${k.confirmsInFlight.length} in flight at +${(k.at / 1000).toFixed(1)}s`).join(", ") || "none"}), ${workerKills.length} worker SIGKILL(s)`);
  console.log(`Toss faults served: ${JSON.stringify(result.chaos.tossFaults)}`);
  console.log(`orders by status: ${JSON.stringify(byStatus)}; Toss: ${result.toss.charges} charges, ${result.toss.refunds} refunds`);
  if (stockDrift.length) console.log(`stock reconciliation had to repair Redis: ${stockDrift.map((d) => `Redis ${d.redisAvailable} vs PostgreSQL ${d.pgAvailable}${d.repaired ? " (repaired)" : " (NOT repaired)"}`).join(", ")}`);
  console.log(`stock: total ${stock.total} = available ${stock.pgAvailable} + held ${stock.unitsHeld} + sold ${stock.unitsSold}? ${stock.total === stock.pgAvailable + stock.unitsHeld + stock.unitsSold ? "yes" : "NO"}; Redis available ${stock.redisAvailable ?? "(no key)"}`);
  console.log(formatMoneyAudit(audit));
  console.log("\nlost (must all be 0):");
  for (const [k, v] of Object.entries(lost)) console.log(`  ${v === 0 ? "  " : "✗ "}${k}: ${v}`);
  if (stories.length) {
    console.log("\nlosses by what happened (problem ← what Toss answered the confirms ← the shop's last step):");
    for (const [cause, ids] of Object.entries(byCause(stories)).sort((a, b) => b[1].length - a[1].length))
      console.log(`  ${String(ids.length).padStart(4)} × ${cause}\n         ${ids.join(" ")}`);
    console.log("\nwhat happened to each order concerned:");
    for (const s of stories) console.log(formatStory(s));
  }
  if (stock.counterMismatches.length) console.log(`purchase counters off for buyers: ${stock.counterMismatches.map((m) => `${m.userId} (live ${m.live}, counted ${m.counted})`).join(", ")}`);
  console.log(`\nload average: start ${fmtLoad(load.start)}, peak 1-min ${load.peak1m.toFixed(2)}, end ${fmtLoad(load.end)}`);
  console.log(`written to ${file}`);
  console.log(result.ok ? "NOTHING LOST" : quiet ? "LOSSES FOUND" : "LOSSES FOUND (and the shop never became quiet)");
  await fake.close();
  await seed.close();
  // Redis and anything else still running are stopped by the exit handler (Children).
  process.exit(result.ok ? 0 : 1);
}

const RELOAD_FOR_MS = 60_000;

/** One buyer: order at the opening (reloaded while the app is down), the payment window, the success page (reloaded likewise). */
async function journey(buyer: number, cookie: string, productId: string, tossUrl: string): Promise<Journey> {
  const key = randomUUID();
  const orderHttp: number[] = [];
  let placed;
  // A buyer keeps reloading for up to a minute (longer than an app restart under load).
  for (const until = Date.now() + RELOAD_FOR_MS; Date.now() < until; ) {
    placed = await placeOrder(base, cookie, productId, key).catch(() => null);
    if (placed) orderHttp.push(placed.status);
    if (placed && placed.status < 500 && placed.status !== 429) break;
    await sleep(500 + Math.random() * 1000);
  }
  if (!placed || placed.status !== 201 || !placed.body.order) return { buyer, order: placed?.status === 409 ? "refused" : "error", orderHttp, confirmAnswers: [] };
  const { id, amount } = placed.body.order;
  const w = await payInWindow(tossUrl, id, amount);
  if (w.result !== "success") return { buyer, orderId: id, order: "placed", orderHttp, window: w.result === "fail" ? "abandoned" : "declined-in-window", confirmAnswers: [] };
  const confirmAnswers: Journey["confirmAnswers"] = [];
  for (const until = Date.now() + RELOAD_FOR_MS; Date.now() < until; ) {
    confirming.set(id, Date.now());
    const status = await confirmPayment(base, cookie, w.paymentKey!, id, amount).catch(() => "network" as const);
    confirming.delete(id);
    confirmAnswers.push(status);
    if (status !== "network" && status < 500) break;
    await sleep(500 + Math.random() * 1000);
  }
  return { buyer, orderId: id, order: "placed", orderHttp, window: "paid", confirmAnswers };
}

type Db = (typeof import("@/lib/db"))["db"];

/** What still moves: orders holding units or confirming, unrelayed outbox rows, Toss work not yet landed, payment jobs not done. */
async function pending(db: Db, tossInFlight: number, queues: string[]) {
  const [holding, confirmingOrders, outbox, jobs] = await Promise.all([
    db.order.count({ where: { status: "PENDING_PAYMENT" } }),
    db.order.count({ where: { status: "CONFIRMING" } }),
    db.outboxEvent.count({ where: { relayedAt: null } }),
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ANY(${queues}) AND state IN ('created', 'retry', 'active')`.then((r) => r[0].n, () => 0),
  ]);
  return { holding, confirming: confirmingOrders, outboxUnrelayed: outbox, paymentJobsOpen: jobs, tossWorkInFlight: tossInFlight };
}

type Story = {
  /** One line shared by every order that was lost the same way. */
  cause: string;
  orderId: string;
  status: string;
  problems: string[];
  history: string[];
  tossCalls: string[];
  tossPayments: string[];
  appKilledDuringConfirm: number[];
  successPageLoads: (number | "network")[];
};

async function orderStories(
  db: Db,
  orderIds: string[],
  disagreements: Disagreement[],
  requests: RequestLogEntry[],
  payments: LedgerPayment[],
  appKills: { confirmsInFlight: string[] }[],
  journeys: Journey[],
): Promise<Story[]> {
  if (!orderIds.length) return [];
  const orders = await db.order.findMany({
    where: { id: { in: orderIds } },
    select: { id: true, status: true, holdExpiresAt: true, payment: { select: { paymentKey: true } }, events: { select: { fromStatus: true, toStatus: true, note: true, createdAt: true }, orderBy: { createdAt: "asc" } } },
  });
  return orders.map((o) => {
    const problems = disagreements.filter((d) => d.orderId === o.id).map((d) => `${d.kind}: ${d.detail}`);
    if (o.status === "CONFIRMING") problems.push("STUCK_CONFIRMING: still CONFIRMING after quiet");
    if (o.status === "PENDING_PAYMENT") problems.push(`HOLD_NEVER_ENDED: still PENDING_PAYMENT (hold until ${o.holdExpiresAt?.toISOString()})`);
    const confirms = requests.filter((r) => r.operation === "confirm" && r.idempotencyKey?.includes(o.id));
    const kinds = [...new Set(problems.map((p) => p.split(":")[0]))].join("+");
    const answers = confirms.map((r) => `${r.status ?? "no answer"}${r.fault ? `[${r.fault}]` : ""}`).join(" → ") || "no confirm reached Toss";
    const last = o.events.at(-1);
    return {
      cause: `${kinds} ← confirm ${answers} ← ${last ? `${last.fromStatus ?? "∅"}→${last.toStatus}${last.note ? ` (${last.note})` : ""}` : "no events"}`,
      orderId: o.id,
      status: o.status,
      problems,
      history: o.events.map((e) => `${e.createdAt.toISOString().slice(11, 23)} ${e.fromStatus ?? "∅"}→${e.toStatus}${e.note ? ` (${e.note})` : ""}`),
      tossCalls: requests
        .filter((r) => r.idempotencyKey?.includes(o.id) || r.path.includes(o.id) || (o.payment && r.path.includes(o.payment.paymentKey)))
        .map((r) => `${new Date(r.at).toISOString().slice(11, 23)} ${r.operation} → ${r.status ?? "no answer"}${r.fault ? ` [fault: ${r.fault}]` : ""}${r.replayed ? " (replayed)" : ""}`),
      tossPayments: payments.filter((p) => p.orderId === o.id).map((p) => `${p.paymentKey} ${p.status} ₩${p.totalAmount} (balance ₩${p.balanceAmount}${p.approvedAt ? ", charged" : ""}${p.cancels.length ? `, ${p.cancels.length} cancel(s)` : ""})`),
      appKilledDuringConfirm: appKills.flatMap((k, i) => (k.confirmsInFlight.includes(o.id) ? [i + 1] : [])),
      successPageLoads: journeys.find((j) => j.orderId === o.id)?.confirmAnswers ?? [],
    };
  });
}

function byCause(stories: Story[]) {
  const out: Record<string, string[]> = {};
  for (const s of stories) (out[s.cause] ??= []).push(s.orderId);
  return out;
}

function formatStory(s: Story) {
  return [
    `  order ${s.orderId} — ${s.status}`,
    ...s.problems.map((p) => `    ✗ ${p}`),
    `    shop:  ${s.history.join("; ") || "(no events)"}`,
    `    toss:  ${s.tossCalls.join("; ") || "(no calls)"}`,
    `    toss payments: ${s.tossPayments.join("; ") || "none"}`,
    `    buyer's confirm answers: ${s.successPageLoads.join(", ") || "none"}${s.appKilledDuringConfirm.length ? `; app killed during its confirm (kill #${s.appKilledDuringConfirm.join(", #")})` : ""}`,
  ].join("\n");
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
