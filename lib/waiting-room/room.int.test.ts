// The waiting room against real Redis and PostgreSQL: the random pre-queue, first come first served after
// the opening, places kept on refresh, the pass's refusals on the real buy route, a sell-out that closes the
// room, and a Redis outage. Time is the shop's clock, moved by each test (never the wall clock raced).
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import * as ordersRoute from "@/app/api/orders/route";
import * as statusRoute from "@/app/api/waiting-room/[productId]/route";
import { getSessionUser } from "@/lib/auth/guards";
import { mintSessionCookie, refreshUserSessions } from "@/lib/auth/session";
import { phoneIndex } from "@/lib/crypto/blind-index";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { placeOrder } from "@/lib/orders/place/place-order";
import { loadStock } from "@/lib/stock/admission";
import { stockGate, StockGate } from "@/lib/stock/gate";
import { createStockRedis, IoredisStore } from "@/lib/stock/store";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";
import { RedisProcess } from "@/test/redis-server";
import { givePhone, randomMobile } from "@/test/phone";
import { expectInvariant } from "@/test/stock";
import { getRoomMonitor } from "./monitor";
import { PASS_HEADER } from "./order-pass";
import { getRoomView, readRoom } from "./room";

const MIN = 60_000;
afterEach(() => clock.setOffsetMs(0));
/** Moves the shop's clock to `ms` after the real now at the test's start. */
const at = (start: number, ms: number) => clock.setOffsetMs(start + ms - Date.now());

async function drop(units: number, rate = 2, opensInMs = 10 * MIN) {
  const start = Date.now();
  const p = await createProduct({ type: "LIMITED", units, perBuyerLimit: 1, saleStartsAt: new Date(start + opensInMs), waitingRoom: true, admissionRate: rate, preQueueMinutes: 15 });
  return { p, start, opensAt: opensInMs };
}

async function buyer() {
  const user = await createUser();
  const session = await mintSessionCookie(user.id);
  return { user, cookie: cookieHeader(session) };
}
const buy = (productId: string, cookie: string, pass?: string | null) =>
  ordersRoute.POST(jsonRequest("/api/orders", {
    body: { items: [{ productId, quantity: 1 }] }, cookie,
    headers: { "idempotency-key": randomUUID(), ...(pass ? { [PASS_HEADER]: pass } : {}) },
  }), ctx() as never);
const codeOf = async (res: Response) => ((await res.json()) as { error?: { code: string } }).error?.code;

describe("the pre-queue", () => {
  it("gives random places at the opening: arrival order before it is no advantage (statistical, 200 rooms)", async () => {
    // 200 rooms of 8 people arriving one after another before the opening. Under a fair draw the first to
    // arrive gets each place with probability 1/8. The test fails if the first arrival was first in 70+ of
    // 200 rooms (expected 25; P ≈ 2.4e-16 under a fair draw), or if some place never went to the first
    // arrival (P ≤ 8·(7/8)^200 ≈ 2e-11), and likewise for the last arrival. A FIFO bug fails it at once.
    const R = 200, K = 8;
    const start = Date.now();
    const firstPlace = new Array<number>(K).fill(0);
    const lastPlace = new Array<number>(K).fill(0);
    const store = stockGate().store;
    for (let r = 0; r < R; r++) {
      const productId = randomUUID();
      clock.setOffsetMs(0);
      await loadStock(store, productId, "force", {
        productId, exists: true, available: 5, total: 5, startsAtMs: start + MIN, endsAtMs: 0, perBuyerLimit: 1, phoneRequired: false, buyers: [], phones: [],
        variants: [["d", 5, 5]], defaultVariantId: "d",
        room: { on: true, rate: 1, preQueueMs: 15 * MIN },
      });
      const people = Array.from({ length: K }, () => ({ id: randomUUID() }));
      for (const [i, b] of people.entries()) {
        at(start, i * 1000); // a second apart, all before the opening
        expect((await readRoom(productId, b, "enter")).state).toBe("prequeue");
      }
      at(start, MIN + 1);
      const ranks = await Promise.all(people.map(async (b) => (await readRoom(productId, b, "status")).rank));
      expect(new Set(ranks).size).toBe(K);
      firstPlace[ranks[0]]++;
      lastPlace[ranks[K - 1]]++;
    }
    expect(firstPlace[0]).toBeLessThan(70);
    expect(lastPlace[K - 1]).toBeLessThan(70);
    expect(firstPlace.every((n) => n > 0)).toBe(true);
    expect(lastPlace.every((n) => n > 0)).toBe(true);
  });

  it("after the opening newcomers join at the back, first come first served; refresh and a second tab keep the place", async () => {
    const { p, start, opensAt } = await drop(10, 1);
    const early = [{ id: randomUUID() }, { id: randomUUID() }];
    at(start, opensAt - 5 * MIN);
    for (const b of early) await readRoom(p.id, b, "enter");
    const late = Array.from({ length: 5 }, () => ({ id: randomUUID() }));
    at(start, opensAt + 10); // the pointer has let nobody through yet (1 buyer/s)
    for (const b of late) expect((await readRoom(p.id, b, "enter")).state).toBe("waiting");
    const ranks = await Promise.all(late.map(async (b) => (await readRoom(p.id, b, "status")).rank));
    expect(ranks).toEqual([2, 3, 4, 5, 6]);
    // Entering again (a refresh, a second tab) keeps the place; so does reading it.
    expect((await readRoom(p.id, late[0], "enter")).rank).toBe(2);
    expect((await getRoomView(p.id, late[0], "status")).position).toBe(3);
    expect((await readRoom(p.id, early[0], "enter")).rank).toBe((await readRoom(p.id, early[0], "status")).rank);
  });

  it("lets people through at the rate, not before the opening, and refuses entry before the pre-queue window", async () => {
    const { p, start, opensAt } = await drop(10, 2);
    const people = Array.from({ length: 6 }, () => ({ id: randomUUID() }));
    at(start, opensAt - 16 * MIN);
    expect((await readRoom(p.id, people[0], "enter")).state).toBe("too_early");
    at(start, opensAt - MIN);
    for (const b of people) await readRoom(p.id, b, "enter");
    at(start, opensAt - 1);
    expect((await readRoom(p.id, people[0], "status")).admitted).toBe(0);
    at(start, opensAt + 1500); // 2 buyers/s × 1.5 s = 3
    const views = await Promise.all(people.map((b) => getRoomView(p.id, b, "status")));
    expect(views.filter((v) => v.state === "admitted")).toHaveLength(3);
    const waiting = views.filter((v) => v.state === "waiting").sort((a, b) => a.position! - b.position!);
    expect(waiting.map((v) => v.ahead)).toEqual([0, 1, 2]);
    expect(waiting[2].estimateSeconds).toBe(2); // 3 people at 2/s
    const monitor = await getRoomMonitor(p.id);
    expect(monitor).toMatchObject({ on: true, rate: 2, auto: false, queued: 6, admitted: 3, waiting: 3, passesIssued: 3, passesUsed: 0 });
  });
});

describe("one place per person", () => {
  /** The buyer as the guards see it: the live session, with its verified phone's blind index. */
  const sessionBuyer = async (cookie: string) => (await getSessionUser(jsonRequest("/", { cookie })))!;
  const status = async (productId: string, cookie: string) => {
    const res = await statusRoute.GET(jsonRequest(`/api/waiting-room/${productId}`, { cookie }), ctx({ productId }) as never);
    expect(res.status).toBe(200);
    return ((await res.json()) as { room: { state: string } }).room.state;
  };
  const dropPhone = async (userId: string) => {
    await db.user.update({ where: { id: userId }, data: { phoneHash: null, verifiedPhoneEnc: null, phoneVerifiedAt: null } });
    await refreshUserSessions(userId);
  };

  it("is one place per verified phone (every account it moves to shares it), else one per account; the pass stays the claimer's", async () => {
    const { p, start, opensAt } = await drop(10, 1);
    const [a, b, c] = [await buyer(), await buyer(), await buyer()];
    const { e164 } = randomMobile();
    await givePhone(a.user.id, e164);
    at(start, opensAt - 5 * MIN);
    const ua = await sessionBuyer(a.cookie);
    expect(ua.phoneHash).toBe(phoneIndex(e164));
    expect((await readRoom(p.id, ua, "enter")).state).toBe("prequeue");
    expect((await readRoom(p.id, await sessionBuyer(c.cookie), "enter")).state).toBe("prequeue"); // no phone: the account's place
    // The number moves to b (freed by a, verified by b): b holds the phone's place without entering; a, now
    // without a phone, is outside — its place was the phone's, not the account's.
    await dropPhone(a.user.id);
    await givePhone(b.user.id, e164);
    expect(await status(p.id, b.cookie)).toBe("prequeue");
    expect(await status(p.id, a.cookie)).toBe("outside");
    expect(await status(p.id, c.cookie)).toBe("prequeue");
    expect((await readRoom(p.id, await sessionBuyer(b.cookie), "enter")).state).toBe("prequeue"); // entering again keeps the one place
    expect(await getRoomMonitor(p.id)).toMatchObject({ queued: 2 });
    // After the opening both places are let through (1 buyer/s): the phone's pass is signed for b, who read it
    // first; when the number comes back to a, a is told the place is used elsewhere — no second pass.
    at(start, opensAt + 3000);
    const vb = await getRoomView(p.id, await sessionBuyer(b.cookie), "status");
    expect(vb.state).toBe("admitted");
    expect(vb.pass).toBeTruthy();
    expect(await status(p.id, c.cookie)).toBe("admitted");
    await dropPhone(b.user.id);
    await givePhone(a.user.id, e164);
    expect(await status(p.id, a.cookie)).toBe("elsewhere");
    expect(await getRoomMonitor(p.id)).toMatchObject({ queued: 2, passesIssued: 2 });
  });
});

describe("the pass on POST /api/orders", () => {
  async function admittedBuyer(units = 5) {
    const { p, start, opensAt } = await drop(units, 100);
    const b = await buyer();
    at(start, opensAt - MIN);
    await getRoomView(p.id, b.user, "enter");
    at(start, opensAt + 1000);
    const view = await getRoomView(p.id, b.user, "status");
    expect(view.state).toBe("admitted");
    return { p, start, opensAt, b, pass: view.pass! };
  }

  it("buys once with a valid pass; without one, replayed, transferred or forged it is a 403 with its code", async () => {
    const { p, b, pass } = await admittedBuyer();
    const none = await buy(p.id, b.cookie);
    expect(none.status).toBe(403);
    expect(await codeOf(none)).toBe("WAITING_ROOM_PASS_REQUIRED");
    // Altered inside the signature: its last character has spare bits that base64url decoding ignores.
    const forged = pass.replace(/.(.)$/, (_, last: string) => `${pass.at(-2) === "A" ? "B" : "A"}${last}`);
    expect(await codeOf(await buy(p.id, b.cookie, forged))).toBe("PASS_INVALID");
    const other = await buyer();
    const transferred = await buy(p.id, other.cookie, pass);
    expect(transferred.status).toBe(403);
    expect(await codeOf(transferred)).toBe("PASS_INVALID");

    const ok = await buy(p.id, b.cookie, pass);
    expect(ok.status).toBe(201);
    const replay = await buy(p.id, b.cookie, pass); // a new Idempotency-Key: a second order with the same pass
    expect(replay.status).toBe(403);
    expect(await codeOf(replay)).toBe("PASS_USED");
    expect(await db.order.count({ where: { userId: { in: [b.user.id, other.user.id] } } })).toBe(1);
    expect((await getRoomView(p.id, b.user, "status")).state).toBe("used");
    expect(await getRoomMonitor(p.id)).toMatchObject({ passesIssued: 1, passesUsed: 1 });
    await expectInvariant(p.id, { buyers: [b.user.id] });
  });

  it("an expired pass is refused and the turn is lost; entering again puts the buyer at the back", async () => {
    const { p, start, opensAt, b, pass } = await admittedBuyer();
    const later = { id: randomUUID() };
    await getRoomView(p.id, later, "enter");
    at(start, opensAt + 1000 + 121_000); // past WAITING_ROOM_PASS_TTL_SECONDS (120)
    const res = await buy(p.id, b.cookie, pass);
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe("PASS_EXPIRED");
    expect((await getRoomView(p.id, b.user, "status")).state).toBe("lost");
    const again = await readRoom(p.id, b.user, "enter");
    expect(again.rank).toBe(1); // behind the one who came after the opening
    expect(await getRoomMonitor(p.id)).toMatchObject({ passesLost: 1 });
  });

  it("a drop without its room sells as before, with no pass", async () => {
    const p = await createProduct({ type: "LIMITED", units: 1, perBuyerLimit: 1, saleStartsAt: new Date(Date.now() - 1000) });
    const b = await buyer();
    expect((await buy(p.id, b.cookie)).status).toBe(201);
    expect((await getRoomView(p.id, b.user, "status")).state).toBe("off");
  });
});

describe("sold out", () => {
  it("closes the room: everyone still waiting is told at once, and nobody new gets in", async () => {
    const { p, start, opensAt } = await drop(1, 1);
    const first = await buyer();
    const waiting = Array.from({ length: 3 }, () => ({ id: randomUUID() }));
    at(start, opensAt + 10);
    await getRoomView(p.id, first.user, "enter");
    for (const w of waiting) await getRoomView(p.id, w, "enter");
    at(start, opensAt + 1100);
    const view = await getRoomView(p.id, first.user, "status");
    expect(view.state).toBe("admitted");
    expect((await buy(p.id, first.cookie, view.pass)).status).toBe(201);
    const after = await Promise.all(waiting.map((w) => getRoomView(p.id, w, "status")));
    expect(after.map((v) => v.state)).toEqual(["sold_out", "sold_out", "sold_out"]);
    expect((await getRoomView(p.id, { id: randomUUID() }, "enter")).state).toBe("sold_out");
    // The pointer stops while nothing is left: no passes are handed out for units that do not exist.
    at(start, opensAt + 60_000);
    expect((await getRoomMonitor(p.id))?.passesIssued).toBe(1);
  });
});

describe("Redis unavailable", () => {
  it("pauses the room (503), keeps issued passes valid through PostgreSQL, and never lets anyone in without one", async () => {
    const redis = await RedisProcess.start();
    const gate = new StockGate(new IoredisStore(createStockRedis(redis.url)), { volumeThreshold: 1, resetTimeout: 600_000 });
    try {
      const { p, start, opensAt } = await drop(3, 100);
      const [holder, other] = [await buyer(), await buyer()];
      at(start, opensAt - MIN);
      await getRoomView(p.id, holder.user, "enter", gate);
      at(start, opensAt + 1000);
      const { pass } = await getRoomView(p.id, holder.user, "status", gate);
      // The gate stops trusting Redis when its connection closes (lib/stock/gate.ts); this listener is
      // registered after the gate's, so once it has run the gate has switched. A command failing first
      // can come before the close event, which is what the assertion below must not race.
      const lost = new Promise<void>((resolve) => gate.store.onConnectionLost!(resolve));
      await redis.stop();
      await lost;
      await expect(getRoomView(p.id, other.user, "status", gate)).rejects.toMatchObject({ code: "UNAVAILABLE" });
      expect(gate.usingFallback).toBe(true);
      // The pass is checked by its signature; the ledger admits. Without a pass: refused, not an open door.
      const { verifyPass } = await import("./pass");
      const { passKeys } = await import("./config");
      const checked = verifyPass(passKeys, pass!, holder.user.id, clock.nowMs());
      expect(typeof checked).toBe("object");
      const withPass = await placeOrder(holder.user.id, randomUUID(), { items: [{ productId: p.id, quantity: 1 }] }, gate, { pass: checked as never });
      expect(withPass.status).toBe(201);
      const without = await placeOrder(other.user.id, randomUUID(), { items: [{ productId: p.id, quantity: 1 }] }, gate, { pass: null });
      expect(without.status).toBe(403);
      expect((without.body as { error: { code: string } }).error.code).toBe("WAITING_ROOM_PASS_REQUIRED");
      const inv = await db.inventory.findUniqueOrThrow({ where: { productId: p.id } });
      expect(inv.available).toBe(2);
    } catch (err) {
      if (err instanceof AppError) throw new Error(`${err.code}: ${err.message}`);
      throw err;
    } finally {
      await gate.close();
      await redis.stop().catch(() => {});
    }
  });
});
