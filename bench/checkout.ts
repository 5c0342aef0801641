// npm run bench:checkout — a whole drop, paid: signed-in buyers place orders at the opening, go through
// the Toss-compatible server's payment window with its load profile (default: 20% abandon, 20% declined
// at confirm), and the production app confirms on /payments/success. Starts its own Redis, database,
// Toss-compatible server and `next start`; afterwards lets the holds run out, runs hold expiry and payment
// reconciliation, and checks the ledger. Prints a summary and writes bench/results/checkout.json.
// Options: --units 500 --buyers 2000 --limit 1 --concurrency 128 --abandon 0.2 --fail 0.2 --hold 10
//          --port 3391 --build (rebuild first)
import { register } from "node:module";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { RedisProcess } from "../test/redis-server";
import { Children, dropEnv, ensureBuild, payInWindow, percentiles, placeOrder as postOrder, root, stamp, tally, visitSuccessPage, waitForHealth } from "./drop";

const { values: opt } = parseArgs({
  options: {
    units: { type: "string", default: "500" },
    buyers: { type: "string", default: "2000" },
    limit: { type: "string", default: "1" },
    concurrency: { type: "string", default: "128" },
    abandon: { type: "string", default: "0.2" },
    fail: { type: "string", default: "0.2" },
    hold: { type: "string", default: "10" },
    port: { type: "string", default: "3391" },
    build: { type: "boolean", default: false },
  },
});
const N = { units: +opt.units, buyers: +opt.buyers, limit: +opt.limit, concurrency: +opt.concurrency, abandonRate: +opt.abandon, failRate: +opt.fail, holdSeconds: +opt.hold, port: +opt.port };
const base = `http://127.0.0.1:${N.port}`;
const log = stamp("bench");
const children = new Children();

type Journey = { order: "placed" | "refused" | "error"; orderHttp?: number; orderMs: number; window?: "paid" | "abandoned" | "declined-in-window"; confirmMs?: number; confirmStatus?: number; endedAt: number };

async function main() {
  const redis = await RedisProcess.start();
  children.onExit(() => void redis.stop());
  const env = dropEnv({ tag: "bench-checkout", port: N.port, redisUrl: redis.url, holdSeconds: N.holdSeconds, tossTimeoutMs: 5000 });
  const dbName = new URL(env.DATABASE_URL).pathname.slice(1);
  Object.assign(process.env, env);
  register("../server/server-only-hook.mjs", import.meta.url);
  const { startTossFake } = await import("@/lib/payments/toss-fake");
  const fake = await startTossFake({ secretKeys: [env.TOSS_SECRET_KEY], abandonRate: N.abandonRate, failRate: N.failRate, seed: 42 });
  env.TOSS_API_BASE_URL = process.env.TOSS_API_BASE_URL = fake.url;
  const seed = await import("./seed");
  await ensureBuild(opt.build);

  log(`database ${dbName}, redis ${redis.url}, toss ${fake.url}`);
  await seed.resetDatabase(env.DATABASE_URL);
  const drop = await seed.seedDrop(N.units, N.limit);
  const cookies = await seed.seedBuyers(N.buyers);
  log(`${N.buyers} verified buyers with session cookies`);
  const server = await startServer(env);
  // Warm the routes (every answer 409 NOT_OPEN; the success page 404s on a made-up order).
  await Promise.all(cookies.slice(0, 32).map((c) => placeOrder(c, drop.id)));
  await fetch(`${base}/payments/success?paymentKey=x&orderId=HU-warmup-000&amount=1`, { headers: { cookie: cookies[0] } });

  const opening = await seed.openSale(drop.id, 1000);
  await new Promise((r) => setTimeout(r, Math.max(0, opening - Date.now())));
  log(`opening: ${N.buyers} buyers, ${N.concurrency} at a time, ${N.units} units`);
  const started = Date.now();
  const journeys: Journey[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: N.concurrency }, async () => {
    while (next < cookies.length) journeys.push(await journey(cookies[next++], drop.id, fake.url));
  }));
  const elapsedS = (Date.now() - started) / 1000;
  log(`all journeys done in ${elapsedS.toFixed(1)}s; waiting ${N.holdSeconds}s for the unpaid holds to run out`);

  await new Promise((r) => setTimeout(r, (N.holdSeconds + 1) * 1000));
  const { expireHolds } = await import("@/lib/orders/lifecycle/holds");
  const { reconcilePayments } = await import("@/lib/payments/reconcile");
  const { setTossClient } = await import("@/lib/payments/gateway");
  setTossClient(undefined);
  const reconciled = await reconcilePayments({ olderThanMs: 0 });
  let expired = 0;
  for (let i = 0; i < 50; i++) {
    const n = await expireHolds({ limit: 500 });
    expired += n;
    if (n < 500) break;
  }
  const { db } = await import("@/lib/db");
  const byStatus = Object.fromEntries((await db.order.groupBy({ by: ["status"], _count: { _all: true } })).map((r) => [r.status, r._count._all]));
  const paidWithoutUnits = await db.order.count({ where: { status: "PAID", OR: [{ items: { none: {} } }, { payment: { is: null } }, { payment: { status: { not: "DONE" } } }] } });
  const holdsNeverEnded = await db.order.count({ where: { status: { in: ["PENDING_PAYMENT", "CONFIRMING"] } } });
  const charges = fake.state.charges.length;
  const ledger = await seed.checkLedger(drop.id, N.limit);
  await children.stop(server);
  await fake.close();
  await redis.stop();

  const placed = journeys.filter((j) => j.order === "placed");
  const confirmed = placed.filter((j) => j.confirmMs !== undefined);
  const paid = byStatus.PAID ?? 0;
  const lastPaidAt = Math.max(...confirmed.map((j) => j.endedAt));
  const result = {
    at: new Date().toISOString(),
    config: { ...N, cpus: (await import("node:os")).cpus().length },
    paidOrdersPerSecond: +(paid / ((lastPaidAt - started) / 1000)).toFixed(1),
    orderLatencyMs: percentiles(journeys.map((j) => j.orderMs)),
    confirmLatencyMs: percentiles(confirmed.map((j) => j.confirmMs!)),
    journeys: {
      total: journeys.length, ordersPlaced: placed.length, refused: journeys.filter((j) => j.order === "refused").length,
      errors: journeys.filter((j) => j.order === "error").length,
      orderAnswersByStatus: tally(journeys.map((j) => String(j.orderHttp ?? (j.order === "placed" ? 201 : "network")))),
      abandonedInWindow: placed.filter((j) => j.window === "abandoned").length, confirmsSent: confirmed.length,
      confirmAnswersNot200: confirmed.filter((j) => j.confirmStatus !== 200).length,
    },
    ordersByStatus: byStatus,
    tossCharges: charges,
    afterHolds: { reconciled, holdsExpiredByJob: expired },
    unitsOversold: ledger.oversold,
    paidOrdersWithoutUnits: paidWithoutUnits,
    holdsNeverEnded,
    chargesWithoutPaidOrder: charges - paid,
    invariant: ledger,
  };
  const ok = ledger.ok && ledger.oversold === 0 && paidWithoutUnits === 0 && holdsNeverEnded === 0 && charges === paid;
  mkdirSync(resolve(root, "bench/results"), { recursive: true });
  const file = resolve(root, "bench/results/checkout.json");
  writeFileSync(file, JSON.stringify({ ...result, ok }, null, 2));
  console.log(JSON.stringify({ ...result, ok }, null, 2));
  log(`written to ${file}`);
  await seed.close();
  process.exit(ok ? 0 : 1);
}

let seq = 0;
const placeOrder = (cookie: string, productId: string) => postOrder(base, cookie, productId, `bench-${process.pid}-${seq++}`);

/** One buyer: order at the opening, the payment window (profile), and the app's confirm. */
async function journey(cookie: string, productId: string, tossUrl: string): Promise<Journey> {
  const t0 = performance.now();
  let placed;
  try {
    placed = await placeOrder(cookie, productId);
  } catch {
    return { order: "error", orderMs: performance.now() - t0, endedAt: Date.now() };
  }
  const orderMs = performance.now() - t0;
  if (placed.status !== 201 || !placed.body.order) return { order: placed.status === 409 ? "refused" : "error", orderHttp: placed.status, orderMs, endedAt: Date.now() };
  const { id, amount } = placed.body.order;
  const w = await payInWindow(tossUrl, id, amount);
  if (w.result !== "success") return { order: "placed", orderMs, window: w.result === "fail" ? "abandoned" : "declined-in-window", endedAt: Date.now() };
  const t1 = performance.now();
  const status = await visitSuccessPage(base, cookie, w.paymentKey!, id, amount);
  return { order: "placed", orderMs, window: "paid", confirmMs: performance.now() - t1, confirmStatus: status, endedAt: Date.now() };
}

async function startServer(env: Record<string, string>) {
  const child = children.spawn(process.execPath, [resolve(root, "node_modules/next/dist/bin/next"), "start", "-p", String(N.port), "-H", "127.0.0.1"], { env });
  await waitForHealth(base, child, 60_000);
  return child;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
