// The real worker process end to end: `tsx worker/index.ts` relays the sign-up's outbox event and sends
// the verification mail into DevMail; the link verifies; sign-in works; sign-out revokes.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ownTestDatabase } from "@/test/own-database";

// The worker relays every outbox row of its database, so it gets a database (and key prefix) of its own:
// other test files relay and drain synchronously and must not race with it. Set before the app's
// modules load (lib/env.ts reads the environment once), hence the dynamic imports below.
const ownDb = ownTestDatabase("worker");

let worker: ChildProcess;
let output = "";
let app: Awaited<ReturnType<typeof load>>;

async function load() {
  return {
    meRoute: await import("@/app/api/me/route"),
    sessionsRoute: await import("@/app/api/me/sessions/route"),
    usersRoute: await import("@/app/api/users/route"),
    verifyRoute: await import("@/app/api/users/verify/route"),
    db: (await import("@/lib/db")).db,
    signInViaAuthjs: (await import("@/test/accounts")).signInViaAuthjs,
    ...(await import("@/test/http")),
  };
}

/** Kills the worker's whole process group (it was started detached, as its group's leader). */
const killWorker = (signal: NodeJS.Signals) => {
  try {
    if (worker?.pid) process.kill(-worker.pid, signal);
  } catch {
    // already gone
  }
};

beforeAll(async () => {
  await ownDb.create();
  app = await load();
  // Node with tsx's loader in this process (no npx or tsx launcher in between), in a group of its own so
  // that stopping it stops everything under it.
  worker = spawn(process.execPath, ["--import", "tsx", "worker/index.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  worker.stdout!.on("data", (d) => (output += d));
  worker.stderr!.on("data", (d) => (output += d));
  // If this test process ends without afterAll (a crash, an interrupted run), the worker goes with it.
  process.once("exit", () => killWorker("SIGKILL"));
});

afterAll(async () => {
  if (worker?.exitCode === null && worker.signalCode === null) {
    const exited = new Promise((r) => worker.once("exit", r));
    killWorker("SIGTERM");
    await exited;
  }
  await app?.db.$disconnect();
  await ownDb.drop();
});

/**
 * Waits for a condition the worker brings about. Bounded by a ceiling (under the test's timeout), not by a
 * count of tries: a busy machine takes longer to start the worker, and a broken worker still fails.
 */
async function eventually<T>(probe: () => Promise<T | null>, what: string, ceilingMs = 160_000): Promise<T> {
  const deadline = performance.now() + ceilingMs;
  while (performance.now() < deadline) {
    const v = await probe();
    if (v) return v;
    if (worker.exitCode !== null) throw new Error(`worker exited (${worker.exitCode}):\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} never happened; worker output:\n${output}`);
}

test("sign-up → worker sends the mail → verify → sign in → sign out revokes", { timeout: 180_000 }, async () => {
  const { meRoute, sessionsRoute, usersRoute, verifyRoute, db, signInViaAuthjs, ctx, jsonRequest } = app;
  const email = `worker-${randomUUID().slice(0, 8)}@example.com`;
  const res = await usersRoute.POST(jsonRequest("/api/users", { body: { email, password: "Work!er123", name: "워커", phone: "010-3333-4444", agreeTerms: true, agreePrivacy: true, confirmAge14: true } }), ctx());
  expect(res.status).toBe(202);

  const mail = await eventually(() => db.devMail.findFirst({ where: { to: email } }), "the verification mail");
  const token = new URL(mail.text.match(/https?:\/\/\S+\/verify\?token=\S+/)![0]).searchParams.get("token")!;
  expect((await verifyRoute.POST(jsonRequest("/api/users/verify", { body: { token } }), ctx())).status).toBe(200);

  const { cookie } = await signInViaAuthjs(email, "Work!er123");
  expect(cookie).not.toBeNull();
  expect(await (await meRoute.GET(jsonRequest("/api/me", { cookie: cookie! }), ctx())).json()).toMatchObject({ emailVerified: true, name: "워커" });
  expect((await sessionsRoute.DELETE(jsonRequest("/api/me/sessions", { method: "DELETE", cookie: cookie! }), ctx())).status).toBe(200);
  expect((await meRoute.GET(jsonRequest("/api/me", { cookie: cookie! }), ctx())).status).toBe(401);
  expect(await db.devMail.count({ where: { to: email } })).toBe(1);
});
