// `npm run demo` on a machine with no PostgreSQL and no Redis (issue 15): scripts/demo.sh with the default
// addresses pointed at closed ports starts the embedded PostgreSQL (a temporary data directory) and runs
// the shop PostgreSQL-only; a buyer signs in, buys the live drop, pays through the Toss-compatible server,
// the stock invariant holds in the embedded database; Ctrl-C (SIGINT) stops everything, PostgreSQL cleanly.
// Needs the production build (scripts/test.sh builds before Vitest).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { chmod, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { seedId } from "@/prisma/seed/catalog";
import { DEMO_PASSWORD } from "@/prisma/seed/users";
import { isBuilt } from "@/test/production-server";
import { freePort } from "@/test/redis-server";

const root = resolve(import.meta.dirname, "..");
const liveDrop = seedId("drop-aurora-runner"); // open now, no room, no phone needed (prisma/seed/catalog-data.ts)
const roomDrop = seedId("drop-midnight-high"); // the seed's one drop with a waiting room
const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/**
 * Processes still carrying `marker` in their environment: everything the demo started inherits its
 * HURRYUP_DATA_DIR, whichever process group or session it moved to (Linux /proc; the tests run as root).
 */
async function processesWith(marker: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir("/proc")).filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid)) {
    const environ = await readFile(`/proc/${pid}/environ`, "utf8").catch(() => "");
    if (environ.split("\0").includes(marker)) found.push(`${pid} ${(await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).replaceAll("\0", " ")}`);
  }
  return found;
}

describe("npm run demo with no PostgreSQL and no Redis", () => {
  let dir = "";
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("embeds PostgreSQL, sells on PostgreSQL alone, and stops cleanly on Ctrl-C", async () => {
    if (!isBuilt()) throw new Error("no production build (.next/BUILD_ID): run `HURRYUP_DEMO=1 npm run build` first");
    dir = await mkdtemp(join(tmpdir(), "hurryup-embedded-"));
    await chmod(dir, 0o755); // run as root, PostgreSQL runs as `postgres` and must reach its data directory
    const [port, tossPort, pgPort, closedPg, closedRedis] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    const base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const k of ["DATABASE_URL", "REDIS_URL", "REDIS_KEY_PREFIX", "STOCK_STORE", "NODE_ENV", "LOG_LEVEL"]) delete env[k];
    Object.assign(env, {
      PORT: String(port), HOST: "127.0.0.1", APP_URL: base, TOSS_FAKE_PORT: String(tossPort), TOSS_API_BASE_URL: `http://127.0.0.1:${tossPort}`,
      HURRYUP_ENV_FILE: join(dir, ".env"), HURRYUP_DATA_DIR: join(dir, "data"), UPLOAD_DIR: join(dir, "uploads"), EMBEDDED_POSTGRES_PORT: String(pgPort),
      DEMO_POSTGRES_ADDRESS: `127.0.0.1:${closedPg}`, DEMO_REDIS_ADDRESS: `127.0.0.1:${closedRedis}`, SKIP_BUILD: "1",
    });
    const marker = `HURRYUP_DATA_DIR=${join(dir, "data")}`;
    const demo = spawn("bash", ["scripts/demo.sh"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    demo.stdout.on("data", (d) => (output += d));
    demo.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((r) => demo.once("exit", (code, signal) => r(code ?? (signal ? 128 : null))));
    const hardStop = () => { try { process.kill(-demo.pid!, "SIGKILL"); } catch { /* gone */ } };
    process.once("exit", hardStop);
    let postgresPid = 0;
    try {
      // Up: the banner scripts/demo-ready.ts prints once the shop answers (migrated, seeded, drops timed).
      const deadline = performance.now() + 240_000;
      while (!output.includes("Hurry Up is ready on")) {
        if (demo.exitCode !== null || performance.now() > deadline) throw new Error(`the demo did not come up:\n${output.slice(-4000)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(output).toContain(`demo: embedded PostgreSQL in ${join(dir, "data")}/postgres (127.0.0.1:${pgPort}); stock on PostgreSQL`);
      expect(output).toContain("tiers: PostgreSQL embedded (the demo's, in .data/) · stock on PostgreSQL alone (STOCK_STORE=postgres) · limits and caches in memory · waiting rooms off");
      const url = (await readFile(join(dir, "data/postgres.url"), "utf8")).trim();
      postgresPid = Number((await readFile(join(dir, "data/postgres/postmaster.pid"), "utf8")).split("\n")[0]);

      // Readiness waits at most 2 s for PostgreSQL: a fresh server's first query on a busy machine may take longer.
      let ready: unknown = null;
      for (let i = 0; i < 30 && (ready as { status?: string } | null)?.status !== "ok"; i++) {
        if (i) await new Promise((r) => setTimeout(r, 1000));
        ready = await (await fetch(`${base}/api/ready`)).json();
      }
      expect(ready, output.slice(-3000)).toMatchObject({ status: "ok", checks: { postgres: "ok", redis: "off" }, modes: { postgres: "embedded", stock: "postgres", limits: "memory", waitingRoom: "off" } });

      // A buyer signs in through Auth.js's credentials callback.
      const csrfRes = await fetch(`${base}/api/auth/csrf`);
      const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
      const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
        method: "POST", redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrfRes).join("; "), origin: base },
        body: new URLSearchParams({ csrfToken, email: "buyer2@hurryup.dev", password: DEMO_PASSWORD, callbackUrl: `${base}/account` }),
      });
      const cookie = cookiesOf(signIn).find((c) => c.startsWith("authjs.session-token=") && c.length > "authjs.session-token=".length);
      expect(cookie, `sign-in answered ${signIn.status}`).toBeTruthy();
      const headers = { cookie: cookie!, origin: base, "content-type": "application/json" };

      // Waiting rooms are off without Redis: the drop that has one shows none, and its room reads "off".
      const { product } = (await (await fetch(`${base}/api/products/${roomDrop}`)).json()) as { product: { waitingRoom: boolean } };
      expect(product.waitingRoom).toBe(false);
      const room = (await (await fetch(`${base}/api/waiting-room/${roomDrop}`, { headers })).json()) as { room: { state: string } };
      expect(room.room.state).toBe("off");

      // Buys the live drop (POST /api/orders decides on PostgreSQL alone) and pays in the Toss-compatible window.
      // The drop has sizes (docs/variants.md): the buyer picks one that is left.
      const drop = (await (await fetch(`${base}/api/products/${liveDrop}`)).json()) as { product: { variants: { id: string; available: number; total: number }[] } };
      // A size the seed left whole (the demo's popular sizes show units gone without orders): its own
      // figures must add up after the sale.
      const size = drop.product.variants.find((v) => v.available > 0 && v.available === v.total);
      const line = { productId: liveDrop, ...(size && { variantId: size.id }), quantity: 1 };
      const buy = await fetch(`${base}/api/orders`, { method: "POST", headers: { ...headers, "idempotency-key": randomUUID() }, body: JSON.stringify({ items: [line] }) });
      expect(buy.status).toBe(201);
      const { order } = (await buy.json()) as { order: { id: string; amount: number } };
      const session = await (await fetch(`http://127.0.0.1:${tossPort}/v1/_fake/sessions`, { method: "POST", body: JSON.stringify({ orderId: order.id, amount: order.amount, action: "pay" }) })).json();
      expect(session.result).toBe("success");
      const confirm = await fetch(`${base}/api/payments/confirm`, { method: "POST", headers, body: JSON.stringify({ paymentKey: session.paymentKey, orderId: order.id, amount: order.amount }) });
      expect(confirm.status).toBe(200);
      const mine = (await (await fetch(`${base}/api/orders/${order.id}`, { headers })).json()) as { order: { status: string } };
      expect(mine.order.status).toBe("PAID");

      // The invariant, in the embedded database, for the size sold: total = available + held + sold, nothing negative.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows: [f] } = await client.query(
          `SELECT v.total, v.available,
             coalesce(sum(oi.quantity) FILTER (WHERE o.status IN ('PENDING_PAYMENT','CONFIRMING')), 0)::int AS held,
             coalesce(sum(oi.quantity) FILTER (WHERE o.status IN ('PAID','SHIPPING','DELIVERED','RETURN_REQUESTED','RETURN_REFUSED')), 0)::int AS sold
           FROM "ProductVariant" v LEFT JOIN "OrderItem" oi ON oi."variantId" = v.id LEFT JOIN "Order" o ON o.id = oi."orderId"
           WHERE v."productId" = $1 AND v.id = coalesce($2, v.id) AND ($2 IS NOT NULL OR v."isDefault") GROUP BY v.total, v.available`, [liveDrop, size?.id ?? null]);
        expect(f.available).toBeGreaterThanOrEqual(0);
        expect(f.available + f.held + f.sold).toBe(f.total);
        expect(f.sold).toBeGreaterThanOrEqual(1);
      } finally {
        await client.end();
      }
      // The check after Ctrl-C sees the demo's processes while they run: app, worker, Toss stand-in, PostgreSQL.
      const live = (await processesWith(marker)).join("\n");
      for (const what of ["server/index.ts", "worker/index.ts", "scripts/toss-fake.ts", "scripts/embedded-postgres.ts"]) expect(live).toContain(what);
    } finally {
      // Ctrl-C: the terminal's SIGINT reaches the demo script; it stops the app, worker, Toss stand-in, then PostgreSQL.
      demo.kill("SIGINT");
      const code = await Promise.race([exited, new Promise<"hung">((r) => setTimeout(() => r("hung"), 60_000))]);
      hardStop();
      process.off("exit", hardStop);
      expect(code, output.slice(-3000)).not.toBe("hung");
    }
    expect(await processesWith(marker)).toEqual([]);
    expect(postgresPid).toBeGreaterThan(0);
    // PostgreSQL shut down cleanly: it removes its pid file on a clean shutdown, not when killed.
    await expect(readFile(join(dir, "data/postgres/postmaster.pid"))).rejects.toThrow();
  }, 360_000);
});
