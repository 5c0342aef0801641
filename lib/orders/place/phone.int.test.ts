// A verified phone on the buy path, through the real route handler, session cookies, Redis and PostgreSQL:
// a drop that requires one refuses buyers without (403 PHONE_VERIFICATION_REQUIRED, nothing held), and
// the per-buyer limit holds per verified phone across accounts — on the Redis path and on the
// PostgreSQL-only path alike — with cancels and expiries giving the phone's count back.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as ordersRoute from "@/app/api/orders/route";
import { removePhone } from "@/lib/accounts/phone";
import { mintSessionCookie } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { expireHolds } from "@/lib/orders/lifecycle/holds";
import { cancelOrder } from "@/lib/orders/lifecycle/steps";
import { createStockRedis, IoredisStore } from "@/lib/stock/store";
import { setStockGate, stockGate, StockGate } from "@/lib/stock/gate";
import { phoneField, stockKeys } from "@/lib/stock/keys";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";
import { givePhone, randomMobile } from "@/test/phone";
import { expectInvariant } from "@/test/stock";

async function buyer() {
  const user = await createUser({ emailVerifiedAt: new Date() });
  const session = await mintSessionCookie(user.id);
  return { user, cookie: cookieHeader(session) };
}
const post = (body: unknown, cookie: string, key: string = randomUUID(), ip = "203.0.113.9") =>
  ordersRoute.POST(jsonRequest("/api/orders", { body, cookie, headers: { "idempotency-key": key, "x-forwarded-for": ip } }), ctx() as never);
const buyNow = (productId: string, quantity = 1) => ({ items: [{ productId, quantity }] });
const codeOf = async (res: Response) => ((await res.json()) as { error?: { code: string } }).error?.code;
const phoneCount = async (phoneHash: string, productId: string) =>
  (await db.phonePurchaseCounter.findUnique({ where: { phoneHash_productId: { phoneHash, productId } } }))?.quantity ?? 0;

/** A gate whose breaker stays open: every order is admitted by the PostgreSQL ledger alone. */
function postgresOnlyGate() {
  const gate = new StockGate(new IoredisStore(createStockRedis()), { resetTimeout: 10 * 60_000 });
  gate.breaker.open();
  return gate;
}

const gates: StockGate[] = [];
afterEach(() => {
  setStockGate(undefined);
  clock.setOffsetMs(0);
});
afterAll(async () => {
  for (const g of gates) await g.close();
});

describe.each(["redis", "postgres"] as const)("a verified phone on the buy path (%s admission)", (tier) => {
  const useTier = () => {
    if (tier === "postgres") {
      const g = postgresOnlyGate();
      gates.push(g);
      setStockGate(g);
    }
  };

  it("a phone-required drop refuses buyers without a verified phone, holds nothing, and sells once they verify", async () => {
    useTier();
    const p = await createProduct({ type: "LIMITED", units: 3, perBuyerLimit: 2, phoneRequired: true, saleStartsAt: new Date(Date.now() - 1000) });
    const b = await buyer();
    const key = randomUUID();
    const refused = await post(buyNow(p.id), b.cookie, key);
    expect(refused.status).toBe(403);
    expect(await codeOf(refused)).toBe("PHONE_VERIFICATION_REQUIRED");
    // The cart/wishlist/multi-line way is refused the same.
    const other = await createProduct({ units: 5 });
    const twoLines = await post({ items: [{ productId: other.id, quantity: 1 }, { productId: p.id, quantity: 1 }] }, b.cookie);
    expect(twoLines.status).toBe(403);
    expect(await codeOf(twoLines)).toBe("PHONE_VERIFICATION_REQUIRED");
    expect(await db.order.count({ where: { userId: b.user.id } })).toBe(0);
    await expectInvariant(p.id, { redisQuiet: tier === "redis" });
    await expectInvariant(other.id, { redisQuiet: tier === "redis" });

    // Verified: the very same key now places the order (the refusal was not kept as the key's answer).
    const phoneHash = await givePhone(b.user.id);
    const placed = await post(buyNow(p.id), b.cookie, key);
    expect(placed.status).toBe(201);
    const order = await db.order.findFirstOrThrow({ where: { userId: b.user.id } });
    expect(order).toMatchObject({ phoneHash, clientNet: "203.0.113.0/24" });
    expect(await phoneCount(phoneHash, p.id)).toBe(1);
  });

  it("the per-buyer limit holds per verified phone across accounts; a cancel and an expiry give the phone's units back", async () => {
    useTier();
    const p = await createProduct({ type: "LIMITED", units: 10, perBuyerLimit: 2, saleStartsAt: new Date(Date.now() - 1000) });
    const phone = randomMobile().e164;
    const [a, b, c] = [await buyer(), await buyer(), await buyer()];
    const phoneHash = await givePhone(a.user.id, phone);
    expect((await post(buyNow(p.id, 2), a.cookie)).status).toBe(201);
    expect(await phoneCount(phoneHash, p.id)).toBe(2);
    if (tier === "redis") {
      const [n] = await stockGate().run((s) => s.hmget(stockKeys.buyers(p.id), [phoneField(phoneHash)]));
      expect(Number(n)).toBe(2);
    }

    // The number moves to another account: that account has bought nothing, the number has.
    await removePhone(a.user.id);
    await givePhone(b.user.id, phone);
    const over = await post(buyNow(p.id), b.cookie);
    expect(over.status).toBe(409);
    expect(await codeOf(over)).toBe("LIMIT_EXCEEDED");
    // An account without a phone is limited per account only.
    expect((await post(buyNow(p.id, 2), c.cookie)).status).toBe(201);

    // A cancels one unit's order: the number may buy one more, under any account.
    const aOrder = await db.order.findFirstOrThrow({ where: { userId: a.user.id } });
    await cancelOrder(a.user.id, aOrder.id);
    expect(await phoneCount(phoneHash, p.id)).toBe(0);
    expect((await post(buyNow(p.id, 2), b.cookie)).status).toBe(201);
    expect(await phoneCount(phoneHash, p.id)).toBe(2);
    expect(await codeOf(await post(buyNow(p.id), b.cookie))).toBe("LIMIT_EXCEEDED");

    // B's hold expires: the number's units come back once.
    clock.setOffsetMs((env.ORDER_HOLD_SECONDS + 5) * 1000);
    expect(await expireHolds({ userIds: [b.user.id] })).toBe(1);
    expect(await expireHolds({ userIds: [b.user.id] })).toBe(0);
    expect(await phoneCount(phoneHash, p.id)).toBe(0);
    clock.setOffsetMs(0);
    expect((await post(buyNow(p.id, 1), b.cookie)).status).toBe(201);
    if (tier === "redis") {
      const [n] = await stockGate().run((s) => s.hmget(stockKeys.buyers(p.id), [phoneField(phoneHash)]));
      expect(Number(n)).toBe(1);
    }
    await expectInvariant(p.id, { limit: 2, redisQuiet: tier === "redis" });
  });
});
