// Sales figures, the order filters and the live drop monitor through the real route handlers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as monitorRoute from "@/app/api/seller/products/[id]/monitor/route";
import * as ordersRoute from "@/app/api/seller/orders/route";
import * as salesRoute from "@/app/api/seller/sales/route";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { createProduct } from "@/test/factories";
import { ctx, jsonRequest } from "@/test/http";
import { markPaid, placeTestOrder } from "@/test/orders";
import { signedInSeller } from "@/test/seller";
import { createBuyers } from "@/test/stock";

const KST = 9 * 3600 * 1000;
const DAY = 24 * 3600 * 1000;
const kstToday = () => new Date(clock.nowMs() + KST).toISOString().slice(0, 10);

describe("sales and orders", () => {
  // The figures are per Korean day: the shop's clock is put at noon KST of today for the test, so Korean
  // midnight cannot fall between placing the orders and reading "today" back.
  beforeAll(() => {
    const now = Date.now();
    const noonKst = Math.floor((now + KST) / DAY) * DAY - KST + DAY / 2;
    clock.setOffsetMs(noonKst - now);
  });
  afterAll(() => clock.setOffsetMs(0));

  it("counts paid orders by Korean day and top product; unpaid holds are not sales; filters by status and day", async () => {
    const { seller, cookie } = await signedInSeller();
    const a = await createProduct({ sellerId: seller.id, price: 30_000, units: 10 });
    const b = await createProduct({ sellerId: seller.id, price: 5_000, units: 10 });
    const [u1, u2, u3] = await createBuyers(3);
    const paid1 = await placeTestOrder(u1, [{ productId: a.id, quantity: 2 }]);
    const paid2 = await placeTestOrder(u2, [{ productId: b.id, quantity: 3 }]);
    await placeTestOrder(u3, [{ productId: a.id, quantity: 1 }]); // still awaiting payment
    await markPaid(paid1);
    await markPaid(paid2);

    const res = await salesRoute.GET(jsonRequest("/api/seller/sales?days=7", { cookie }), ctx() as never);
    expect(res.status).toBe(200);
    const sales = await res.json();
    expect(sales.series).toHaveLength(7);
    expect(sales.series.at(-1)).toEqual({ day: kstToday(), revenue: 75_000, units: 5 });
    expect(sales.totals).toEqual({ revenue: 75_000, units: 5 });
    expect(sales.top.map((p: { productId: string }) => p.productId)).toEqual([a.id, b.id]);
    expect((await salesRoute.GET(jsonRequest("/api/seller/sales?days=0", { cookie }), ctx() as never)).status).toBe(400);

    const list = async (q: string) => (await (await ordersRoute.GET(jsonRequest(`/api/seller/orders?${q}`, { cookie }), ctx() as never)).json()).orders.map((o: { id: string }) => o.id).sort();
    expect(await list("status=PAID")).toEqual([paid1, paid2].sort());
    expect(await list(`from=${kstToday()}&to=${kstToday()}`)).toHaveLength(3);
    expect(await list("from=2020-01-01&to=2020-01-02")).toEqual([]);
    expect(await list(`productId=${b.id}`)).toEqual([paid2]);
  });
});

describe("drop monitor", () => {
  it("shows remaining units from Redis, live holds, sales, conversion and the sell-out time", async () => {
    const { seller, cookie } = await signedInSeller();
    const opened = new Date(Date.now() - 5000);
    const p = await createProduct({ sellerId: seller.id, units: 3, type: "LIMITED", perBuyerLimit: 1, saleStartsAt: opened });
    const read = async () => (await (await monitorRoute.GET(jsonRequest(`/api/seller/products/${p.id}/monitor`, { cookie }), ctx({ id: p.id }) as never)).json()).monitor;
    const first = await read();
    expect(first).toMatchObject({ remaining: 3, total: 3, held: 0, sold: 0, conversion: null, soldOutAfterMs: null, state: "on_sale" });

    const [u1, u2, u3] = await createBuyers(3);
    const o1 = await placeTestOrder(u1, [{ productId: p.id, quantity: 1 }]);
    await placeTestOrder(u2, [{ productId: p.id, quantity: 1 }]);
    await markPaid(o1);
    const mid = await read();
    expect(mid).toMatchObject({ remaining: 1, held: 1, sold: 1, placedOrders: 2, paidOrders: 1, conversion: 0.5 });
    expect(mid.admissionsPerSecond).toBeGreaterThan(0);
    expect(mid.series.reduce((s: number, x: { admitted: number }) => s + x.admitted, 0)).toBe(2);
    expect(mid.etaMs).toBeGreaterThan(0);

    await placeTestOrder(u3, [{ productId: p.id, quantity: 1 }]);
    const done = await read();
    expect(done).toMatchObject({ remaining: 0, state: "sold_out", held: 2 });
    const last = await db.order.findFirstOrThrow({ where: { userId: u3 } });
    expect(done.soldOutAfterMs).toBe(last.createdAt.getTime() - opened.getTime());
  });
});
