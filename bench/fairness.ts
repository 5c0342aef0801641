// npm run bench:fairness — who wins a drop: people or scripts? A simulated opening against the production
// server (server/index.ts, the build in .next), for the same kind of drop three times:
//   1. room on, the bots firing from the opening second (the issue's fleet: they also join the room then);
//   2. room on, the bots entering the pre-queue with every account (a smarter fleet: one place per account);
//   3. room off: today's race of raw request speed.
// People (--humans, default 1,000) arrive over the minute before the opening (minutes compressed: every
// one of them is in the pre-queue window either way), solve the room's proof of work, watch their place,
// and try once after a human think time when their turn comes (room off: once after the opening, after a
// reaction time). Bots (--bots 10, --accounts 20 each) fire POST /api/orders at --bot-rps (100) each from
// the opening second, round-robin over their accounts, and buy at once when a pass comes.
// Addresses (x-forwarded-for): every person from an address range of their own (a household), the whole
// fleet from one /24 (--fleet-range one, the default: the room's cap per range holds it to
// WAITING_ROOM_RANGE_CAP places) or each bot from its own /24 (--fleet-range per-bot: 20 accounts per range
// stay under the default cap). Nobody keeps the room's device cookie (a script drops it: a new device each
// entry), so only the range cap bites here.
// Prints units won by bots against their fair share (bots ÷ everyone, bots counted as the 10 people they
// are), time to sell out, the room's admissions/s, pass-check latency, the stock invariant and load
// averages; writes bench/results/fairness.json. The proof of work is made cheaper than the shop's default
// (ALTCHA_MAX_COUNTER=300) so 1,200 entries fit beside the server on two cores; see docs/waiting-room.md.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { register } from "node:module";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { RedisProcess } from "../test/redis-server";
import { loadAverage, percentiles, tally } from "./load";
import { defaultVariantData } from "@/lib/variants/types";

const root = resolve(import.meta.dirname, "..");
const { values: opt } = parseArgs({
  options: {
    humans: { type: "string", default: "1000" },
    bots: { type: "string", default: "10" },
    accounts: { type: "string", default: "20" },
    "bot-rps": { type: "string", default: "100" },
    units: { type: "string", default: "200" },
    rate: { type: "string", default: "25" },
    "arrive-s": { type: "string", default: "60" },
    port: { type: "string", default: "3517" },
    "fleet-range": { type: "string", default: "one" },
    only: { type: "string" },
  },
});
const N = {
  humans: +opt.humans, bots: +opt.bots, accounts: +opt.accounts, botRps: +opt["bot-rps"], units: +opt.units, rate: +opt.rate,
  arriveS: +opt["arrive-s"], port: +opt.port,
};
const base = `http://127.0.0.1:${N.port}`;
const log = (...a: unknown[]) => console.log(`[fairness ${new Date().toISOString().slice(11, 19)} load ${loadAverage().join(" ")}]`, ...a);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const rand = (a: number, b: number) => a + Math.random() * (b - a);
/** A human's think time once the button unlocks: log-normal around 1.5 s (0.6–4 s for most people). */
const thinkMs = () => Math.min(8000, Math.max(400, Math.exp(Math.log(1500) + 0.45 * gauss())));
const gauss = () => Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());

const children: ChildProcess[] = [];
process.on("exit", () => children.forEach((c) => c.exitCode === null && c.kill("SIGTERM")));
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));

type Scenario = { name: "room_on" | "room_on_bots_prequeue" | "room_off"; room: boolean; botsPrequeue: boolean };
type Client = { cookie: string; kind: "human" | "bot"; bot?: number; ip: string };

/** A person's address: one /24 each (up to 65,536 people). A bot's: one /24 for the fleet, or one per bot. */
function addressOf(i: number, bot: number | undefined): string {
  if (bot === undefined) return `10.${(i >> 8) & 255}.${i & 255}.7`;
  const account = i % 256;
  return opt["fleet-range"] === "per-bot" ? `172.16.${bot}.${account}` : `172.16.0.${account}`;
}

async function main() {
  const loadBefore = loadavg().map((x) => +x.toFixed(2));
  // The port must be ours: another server answering there would be measured instead.
  if (await fetch(`${base}/api/health`).then(() => true, () => false)) throw new Error(`port ${N.port} is in use: pass --port`);
  const redis = await RedisProcess.start();
  const dbName = `hurryup_bench_fair_${N.port}`;
  const env: Record<string, string> = {
    NODE_ENV: "production", HURRYUP_DEMO: "1", LOG_LEVEL: "warn", DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${dbName}`, DATABASE_POOL_SIZE: "20",
    REDIS_URL: redis.url, REDIS_KEY_PREFIX: "fair:", APP_URL: base, PORT: String(N.port), HOST: "127.0.0.1",
    // The bench stands for the one proxy in front of the shop: the server believes the address it forwards.
    TRUST_PROXY_HOPS: "1",
    ALTCHA_MAX_COUNTER: "300", WAITING_ROOM_POLL_MAX_MS: "10000",
  };
  Object.assign(process.env, env);
  register("../server/server-only-hook.mjs", import.meta.url);
  const seed = await import("./seed");
  const { db } = await import("@/lib/db");
  const { passKey, passKeys } = await import("@/lib/waiting-room/config");
  const { signPass, verifyPass } = await import("@/lib/waiting-room/pass");
  if (!existsSync(resolve(root, ".next/BUILD_ID"))) throw new Error("no build: run HURRYUP_DEMO=1 npm run build first");

  await seed.resetDatabase(env.DATABASE_URL);
  const accounts = N.humans + N.bots * N.accounts;
  const cookies = await seed.seedBuyers(accounts);
  const clients: Client[] = cookies.map((cookie, i) => {
    const bot = i < N.humans ? undefined : Math.floor((i - N.humans) / N.accounts);
    return { cookie, kind: bot === undefined ? "human" : "bot", bot, ip: addressOf(i, bot) };
  });
  log(`${N.humans} people, ${N.bots} bots × ${N.accounts} accounts (${accounts} verified accounts with sessions)`);
  const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
  children.push(server);
  // A ceiling for a busy machine (Next starts in seconds on a quiet one).
  await waitFor(async () => server.exitCode === null && (await fetch(`${base}/api/health`)).ok, 180_000);

  // Pass-check latency: the buy path's check is one synchronous HMAC (lib/waiting-room/pass.ts), timed here
  // on the same code and machine; the server-side cost shows again as the bots' 403 latency below.
  const p = { productId: randomUUID(), userId: randomUUID(), passId: "bench-pass-0001", expiresMs: Date.now() + 60_000 };
  const token = signPass(passKey, p);
  for (let i = 0; i < 20_000; i++) verifyPass(passKeys, token, p.userId, Date.now());
  const t0 = performance.now();
  const CHECKS = 200_000;
  for (let i = 0; i < CHECKS; i++) verifyPass(passKeys, token, p.userId, Date.now());
  const passCheckUs = +(((performance.now() - t0) * 1000) / CHECKS).toFixed(2);
  log(`pass check: ${passCheckUs} µs each (${CHECKS} checks, one HMAC-SHA256, no I/O)`);

  const scenarios: Scenario[] = [
    { name: "room_on", room: true, botsPrequeue: false },
    { name: "room_on_bots_prequeue", room: true, botsPrequeue: true },
    { name: "room_off", room: false, botsPrequeue: false },
  ].filter((s) => !opt.only || s.name === opt.only) as Scenario[];
  const results: Record<string, unknown> = {};
  for (const s of scenarios) {
    results[s.name] = await runScenario(s, clients, seed, db);
    await sleep(3000);
  }
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  await redis.stop();
  const result = {
    at: new Date().toISOString(),
    config: { ...N, fleetRange: opt["fleet-range"], proofOfWork: "PBKDF2/SHA-256, cost 100, counter ≤ 300 (bench)", cpus: (await import("node:os")).cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadavg().map((x) => +x.toFixed(2)) },
    fairShareOfBots: +(N.bots / (N.bots + N.humans)).toFixed(4),
    passCheckMicroseconds: passCheckUs,
    scenarios: results,
  };
  mkdirSync(resolve(root, "bench/results"), { recursive: true });
  writeFileSync(resolve(root, "bench/results/fairness.json"), JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
  await seed.close();
  const ok = Object.values(results).every((r) => (r as { invariant: { ok: boolean } }).invariant.ok);
  process.exit(ok ? 0 : 1);
}

async function runScenario(s: Scenario, clients: Client[], seed: typeof import("./seed"), db: typeof import("@/lib/db").db) {
  const { solveChallenge } = await import("altcha-lib");
  const { deriveKey } = await import("altcha-lib/algorithms/pbkdf2");
  const leadMs = (N.arriveS + 10) * 1000;
  const product = await createDrop(db, s.room, N.units, N.rate);
  const opening = await seed.openSale(product.id, leadMs);
  log(`${s.name}: drop ${product.id} opens in ${leadMs / 1000}s (room ${s.room ? `on, ${N.rate}/s` : "off"})`);
  const headers = (c: Client, extra: Record<string, string> = {}) => ({ cookie: c.cookie, origin: base, "content-type": "application/json", "x-forwarded-for": c.ip, ...extra });
  const won = { human: 0, bot: 0 };
  const answers: string[] = [];
  const botLatency: number[] = [];
  const admittedAt: number[] = [];
  /** When each place was taken, in seconds from the opening (negative: the pre-queue), by kind. */
  const enteredAt = { human: [] as number[], bot: [] as number[] };
  let soldOutAt: number | null = null;
  let stop = false;

  async function buy(c: Client, pass?: string) {
    const sent = performance.now();
    const res = await fetch(`${base}/api/orders`, { method: "POST", headers: headers(c, { "idempotency-key": randomUUID(), ...(pass ? { "x-waiting-room-pass": pass } : {}) }), body: JSON.stringify({ items: [{ productId: product.id, quantity: 1 }] }) }).catch(() => null);
    if (c.kind === "bot" && !pass) botLatency.push(performance.now() - sent);
    if (!res) return answers.push("error");
    const body = (await res.json().catch(() => null)) as { error?: { code: string } } | null;
    answers.push(`${c.kind}:${res.status}${body?.error ? `:${body.error.code}` : ""}`);
    if (res.status === 201) {
      won[c.kind]++;
      if (won.human + won.bot >= N.units && soldOutAt === null) soldOutAt = Date.now();
    }
  }

  /** Takes a place (a person gives up after three failed tries: the server was too busy to answer). */
  async function enter(c: Client): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const ch = await fetch(`${base}/api/waiting-room/${product.id}/challenge`, { headers: headers(c) });
        if (ch.ok) {
          const challenge = await ch.json();
          const solution = await solveChallenge({ challenge, deriveKey });
          const res = await fetch(`${base}/api/waiting-room/${product.id}/enter`, { method: "POST", headers: headers(c), body: JSON.stringify({ altcha: Buffer.from(JSON.stringify({ challenge, solution })).toString("base64") }) });
          if (res.ok) return (enteredAt[c.kind].push((Date.now() - opening) / 1000), true);
          const refused = res.status === 403 ? ((await res.json().catch(() => null)) as { error?: { code: string } } | null)?.error?.code : undefined;
          answers.push(`${c.kind}:enter:${res.status}${refused ? `:${refused}` : ""}`);
          if (refused) return false; // a cap (ROOM_RANGE_CAP / ROOM_DEVICE_CAP): trying again changes nothing
        }
      } catch {
        answers.push(`${c.kind}:enter:error`);
      }
      await sleep(rand(1000, 3000));
    }
    return false;
  }

  /** Watches the place (long poll, as the page does, at most one request per 2 s) until a pass or the end. */
  async function waitTurn(c: Client): Promise<string | null> {
    let after: string | undefined;
    while (!stop) {
      const res = await fetch(`${base}/api/waiting-room/${product.id}${after ? `?after=${encodeURIComponent(after)}` : ""}`, { headers: headers(c) }).catch(() => null);
      if (res?.ok) {
        const { room, fingerprint } = (await res.json().catch(() => ({ room: { state: "?", pass: null }, fingerprint: undefined }))) as { room: { state: string; pass: string | null }; fingerprint: string };
        after = fingerprint;
        if (room.state === "admitted" && room.pass) return (admittedAt.push(Date.now()), room.pass);
        if (["sold_out", "ended", "used", "off", "lost"].includes(room.state)) return null;
      }
      await sleep(c.kind === "bot" ? 250 : rand(500, 1500));
    }
    return null;
  }

  const humans = clients.filter((c) => c.kind === "human");
  const bots = clients.filter((c) => c.kind === "bot");
  const tasks: Promise<unknown>[] = [];
  // People: arrive over the minute before the opening (uniformly), one try each.
  for (const h of humans) {
    const arrive = opening - leadMs + 5000 + Math.random() * N.arriveS * 1000;
    tasks.push((async () => {
      await sleep(arrive - Date.now());
      if (s.room) {
        if (!(await enter(h))) return;
        const pass = await waitTurn(h);
        if (!pass) return;
        await sleep(thinkMs());
        await buy(h, pass);
      } else {
        await sleep(opening - Date.now() + thinkMs());
        await buy(h);
      }
    })());
  }
  // Bots, smarter fleet: every account enters the pre-queue half a minute before the opening.
  const botPlaces = async (at: number) => {
    await sleep(at - Date.now());
    await Promise.all(bots.map(async (b) => {
      if (!(await enter(b))) return;
      const pass = await waitTurn(b);
      if (pass) await buy(b, pass);
    }));
  };
  if (s.room) tasks.push(botPlaces(s.botsPrequeue ? opening - 30_000 : opening));
  // Bots: N.botRps requests/s each from the opening millisecond, round-robin over their accounts (no pass).
  const flood = (async () => {
    await sleep(opening - Date.now());
    const started = Date.now();
    const inFlight = new Array<number>(N.bots).fill(0);
    let tick = 0;
    while (!stop && Date.now() - started < 120_000) {
      for (let b = 0; b < N.bots; b++) {
        if (inFlight[b] >= 64) continue;
        const account = bots[b * N.accounts + (tick % N.accounts)];
        inFlight[b]++;
        void buy(account).finally(() => inFlight[b]--);
      }
      tick++;
      await sleep(started + (tick * 1000) / N.botRps - Date.now());
    }
  })();
  tasks.push(flood);

  // The room's admissions per second, read as the seller's monitor reads them.
  const roomSamples: { t: number; admitted: number }[] = [];
  const { getRoomMonitor } = await import("@/lib/waiting-room/monitor");
  const sampler = (async () => {
    while (!stop) {
      if (s.room && Date.now() >= opening) {
        const m = await getRoomMonitor(product.id).catch(() => null);
        if (m) roomSamples.push({ t: Date.now(), admitted: m.admitted });
      }
      await sleep(1000);
    }
  })();
  // Ends when the drop sold out and every person is done, or two minutes after the opening.
  const people = Promise.all(tasks.slice(0, humans.length));
  await Promise.race([people.then(() => waitFor(async () => soldOutAt !== null, 120_000).catch(() => {})), sleep(opening - Date.now() + 120_000)]);
  await sleep(1000);
  stop = true;
  await Promise.race([Promise.all(tasks), sleep(15_000)]);
  await sampler;

  const invariant = await seed.checkLedger(product.id, 1);
  const firstOrder = await db.order.aggregate({ where: { items: { some: { productId: product.id } } }, _max: { createdAt: true } });
  const sold = won.human + won.bot;
  const botShare = sold ? won.bot / sold : 0;
  const fair = N.bots / (N.bots + N.humans);
  const during = roomSamples.filter((x) => soldOutAt === null || x.t <= soldOutAt);
  const admissionsPerSecond = during.length > 1 ? +((during.at(-1)!.admitted - during[0].admitted) / ((during.at(-1)!.t - during[0].t) / 1000)).toFixed(1) : null;
  const figures = {
    unitsSold: sold, wonByPeople: won.human, wonByBots: won.bot,
    botShare: +botShare.toFixed(4), botFairShare: +fair.toFixed(4), botsTimesFairShare: +(botShare / fair).toFixed(2),
    botShareOfAccountsInRoom: s.room ? +((N.bots * N.accounts) / (N.bots * N.accounts + N.humans)).toFixed(4) : null,
    timeToSellOutS: soldOutAt !== null ? +((soldOutAt - opening) / 1000).toFixed(2) : null,
    lastOrderAfterOpeningS: firstOrder._max.createdAt ? +((firstOrder._max.createdAt.getTime() - opening) / 1000).toFixed(2) : null,
    roomAdmissionsPerSecond: admissionsPerSecond, roomRateSet: s.room ? N.rate : null,
    botRequestLatencyMs: percentiles(botLatency),
    placesTakenSecondsFromOpening: s.room ? { people: percentiles(enteredAt.human), bots: percentiles(enteredAt.bot) } : null,
    passesHandedOut: admittedAt.length,
    answers: tally(answers),
    invariant,
    loadAverage: loadAverage(),
  };
  log(`${s.name}: people ${won.human}, bots ${won.bot} of ${sold} → bots ${(botShare * 100).toFixed(1)}% (${figures.botsTimesFairShare}× their fair ${(fair * 100).toFixed(2)}%); sold out in ${figures.timeToSellOutS}s; room ${admissionsPerSecond}/s; invariant ${invariant.ok ? "ok" : "BROKEN"}`);
  return figures;
}

async function createDrop(db: typeof import("@/lib/db").db, room: boolean, units: number, rate: number) {
  const user = await db.user.create({ data: { role: "SELLER", emailHash: `fair-seller-${randomUUID()}`, emailVerifiedAt: new Date() } });
  const seller = await db.seller.create({ data: { userId: user.id, shopName: "Fair Shop" } });
  const category = await db.category.create({ data: { slug: `fair-${randomUUID().slice(0, 8)}`, nameKo: "공정", nameEn: "Fair" } });
  return db.product.create({
    data: {
      sellerId: seller.id, categoryId: category.id, type: "LIMITED", name: "공정한 한정판", description: "bench:fairness",
      price: 189_000, images: [], perBuyerLimit: 1, saleStartsAt: new Date(Date.now() + 3600_000),
      waitingRoom: room, admissionRate: rate, preQueueMinutes: 15,
      inventory: { create: { total: units, available: units } },
      variants: { create: [defaultVariantData(units)] },
    },
  });
}

async function waitFor(cond: () => Promise<boolean>, ceilingMs: number) {
  const deadline = Date.now() + ceilingMs;
  while (Date.now() < deadline) {
    if (await cond().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error("condition not met in time");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
