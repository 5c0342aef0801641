// Shared pieces of the paid-drop runs (bench/checkout.ts, bench/chaos-checkout.ts): the environment the
// app, the worker and the script itself share, child processes in process groups of their own (so a kill
// reaches everything they started, and nothing outlives the script on success, failure or Ctrl-C), and a
// buyer's steps: place an order, go through the payment window, land on /payments/success.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, openSync } from "node:fs";
import { resolve } from "node:path";
import { config as loadDotenv } from "dotenv";

export const root = resolve(import.meta.dirname, "..");

// A local .env (scripts/ensure-env.sh) is read here, before any app module: the script signs session
// cookies with the same secrets its children (which Next would give the .env values) verify them with.
loadDotenv({ path: resolve(root, ".env"), quiet: true });

export const stamp = (tag: string) => (...a: unknown[]) => console.log(`[${tag} ${new Date().toISOString().slice(11, 19)}]`, ...a);

/** The environment of a drop run: a scratch database named after the port, its own Redis and key prefix. */
export function dropEnv(opts: { tag: string; port: number; redisUrl: string; holdSeconds: number; tossTimeoutMs: number }): Record<string, string> {
  const base = `http://127.0.0.1:${opts.port}`;
  return {
    NODE_ENV: "production", HURRYUP_DEMO: "1", LOG_LEVEL: "warn", PORT: String(opts.port), HOST: "127.0.0.1",
    DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/hurryup_${opts.tag.replace(/\W/g, "_")}_${opts.port}`, DATABASE_POOL_SIZE: "20",
    REDIS_URL: opts.redisUrl, REDIS_KEY_PREFIX: `${opts.tag}:`, APP_URL: base, ORDER_HOLD_SECONDS: String(opts.holdSeconds),
    TOSS_SECRET_KEY: `test_sk_${opts.tag.replace(/\W/g, "_")}`, TOSS_TIMEOUT_MS: String(opts.tossTimeoutMs),
  };
}

/**
 * Child processes, each the leader of its own process group (`detached`), killed as a group. Every group
 * still alive is SIGKILLed when this process exits, whatever the reason (and on SIGINT/SIGTERM/SIGHUP).
 */
export class Children {
  private readonly live = new Set<ChildProcess>();
  private readonly atExit: (() => void)[] = [];

  constructor() {
    process.on("exit", () => this.killAllNow());
    for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
      process.on(sig, () => {
        console.error(`\n${sig}: stopping every process this run started`);
        process.exit(130);
      });
  }

  /** Also run `fn` (synchronously) when this process exits. */
  onExit(fn: () => void) {
    this.atExit.push(fn);
  }

  spawn(cmd: string, args: string[], opts: { env?: Record<string, string>; logFile?: string } = {}): ChildProcess {
    const out = opts.logFile ? openSync(opts.logFile, "a") : "inherit";
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...opts.env }, detached: true, stdio: ["ignore", out, out] });
    this.live.add(child);
    child.once("exit", () => this.live.delete(child));
    return child;
  }

  /** Signals the child's whole process group (no-op once it is gone). */
  signal(child: ChildProcess, signal: NodeJS.Signals) {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // ESRCH: the group is gone already
    }
  }

  /** SIGKILL now, and wait for the leader's exit. */
  async kill(child: ChildProcess) {
    const exited = exitOf(child);
    this.signal(child, "SIGKILL");
    await exited;
  }

  /** SIGTERM, then SIGKILL after `graceMs`; waits for the leader, then clears the rest of its group. */
  async stop(child: ChildProcess, graceMs = 5000) {
    const exited = exitOf(child);
    this.signal(child, "SIGTERM");
    const timer = setTimeout(() => this.signal(child, "SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
    this.signal(child, "SIGKILL");
  }

  killAllNow() {
    for (const c of this.live) this.signal(c, "SIGKILL");
    for (const fn of this.atExit.splice(0)) {
      try {
        fn();
      } catch {
        // exiting anyway
      }
    }
  }
}

const exitOf = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once("exit", () => r()));

/** Polls `GET /api/health` until the server answers (throws if it exits or takes over `maxMs`). */
export async function waitForHealth(base: string, child: ChildProcess, maxMs = 120_000) {
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode})`);
    if (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)) return;
    await sleep(200);
  }
  throw new Error(`server did not answer ${base}/api/health within ${maxMs / 1000}s`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `npm run build` when asked to or when there is no production build yet. */
export async function ensureBuild(force: boolean) {
  if (force || !existsSync(resolve(root, ".next/BUILD_ID"))) await run("npm", ["run", "-s", "build"]);
}

export function run(cmd: string, args: string[]) {
  return new Promise<void>((ok, fail) => spawn(cmd, args, { cwd: root, stdio: "inherit", env: process.env }).once("exit", (c) => (c === 0 ? ok() : fail(new Error(`${cmd} failed`)))));
}

export type PlacedOrder = { status: number; body: { order?: { id: string; amount: number } } };

/** A buyer's `POST /api/orders` for one unit of the drop. */
export async function placeOrder(base: string, cookie: string, productId: string, idempotencyKey: string): Promise<PlacedOrder> {
  const res = await fetch(`${base}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie, "idempotency-key": idempotencyKey },
    body: JSON.stringify({ items: [{ productId, quantity: 1 }] }),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as PlacedOrder["body"] };
}

export type WindowAnswer = { result: string; paymentKey?: string };

/** The payment window, without a browser (the Toss-compatible server's load profile decides). */
export async function payInWindow(tossUrl: string, orderId: string, amount: number): Promise<WindowAnswer> {
  const res = await fetch(`${tossUrl}/v1/_fake/sessions`, { method: "POST", body: JSON.stringify({ orderId, amount, orderName: "bench", action: "profile" }) });
  return (await res.json()) as WindowAnswer;
}

/** The redirect to the success URL: the app confirms. Answers the HTTP status (the body is read and dropped). */
/**
 * What the success page does in a buyer's browser: its island POSTs the window's paymentKey, orderId and
 * amount to POST /api/payments/confirm (same origin, the buyer's session). Answers the HTTP status.
 */
export async function confirmPayment(base: string, cookie: string, paymentKey: string, orderId: string, amount: number): Promise<number> {
  const res = await fetch(`${base}/api/payments/confirm`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": "application/json" },
    body: JSON.stringify({ paymentKey, orderId, amount }),
    redirect: "manual",
  });
  await res.arrayBuffer();
  return res.status;
}

export function tally(xs: string[]) {
  const t: Record<string, number> = {};
  for (const x of xs) t[x] = (t[x] ?? 0) + 1;
  return t;
}

export function percentiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => (s.length ? +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(1) : null);
  return { p50: at(50), p99: at(99), max: at(100), n: s.length };
}
