// A seller's waiting-room settings through the real routes: on by default for a new limited drop, refused
// for a normal product, bad values are field errors, and a change reaches the admission scripts at once.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import * as productRoute from "@/app/api/seller/products/[id]/route";
import * as productsRoute from "@/app/api/seller/products/route";
import { clock } from "@/lib/clock";
import { placeOrder } from "@/lib/orders/place/place-order";
import { stockGate } from "@/lib/stock/gate";
import { stockKeys } from "@/lib/stock/keys";
import { createCategory } from "@/test/factories";
import { ctx, jsonRequest } from "@/test/http";
import { inSeconds, signedInSeller } from "@/test/seller";
import { createBuyers } from "@/test/stock";

const create = (cookie: string, body: unknown) => productsRoute.POST(jsonRequest("/api/seller/products", { body, cookie }), ctx() as never);
const patch = (cookie: string, productId: string, body: unknown) =>
  productRoute.PATCH(jsonRequest(`/api/seller/products/${productId}`, { method: "PATCH", body, cookie }), ctx({ id: productId }) as never);
const meta = (productId: string) => stockGate().run((s) => s.hmget(stockKeys.meta(productId), ["w", "wr", "wq"]));

async function base(type: "LIMITED" | "NORMAL", extra: Record<string, unknown> = {}) {
  const { cookie } = await signedInSeller();
  const category = await createCategory();
  const body = { name: "대기실 스니커즈", description: "공정하게", price: 99_000, categoryId: category.id, type, units: 5, ...(type === "LIMITED" ? { saleStartsAt: inSeconds(3600), perBuyerLimit: 1 } : {}), ...extra };
  return { cookie, body };
}

afterEach(() => clock.setOffsetMs(0));

describe("waiting-room settings", () => {
  it("a new limited drop has its room on with the auto rate; a normal product cannot have one", async () => {
    const { cookie, body } = await base("LIMITED");
    const res = await create(cookie, body);
    expect(res.status).toBe(201);
    expect((await res.json()).product).toMatchObject({ waitingRoom: true, admissionRate: null, preQueueMinutes: 15, roomRangeCap: null, roomDeviceCap: null });
    const normal = await base("NORMAL", { waitingRoom: true });
    const refused = await create(normal.cookie, normal.body);
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.fields).toMatchObject({ waitingRoom: ["room_limited_only"] });
    const plain = await base("NORMAL");
    expect((await (await create(plain.cookie, plain.body)).json()).product.waitingRoom).toBe(false);
  });

  it("refuses bad values with field errors", async () => {
    const { cookie, body } = await base("LIMITED", { admissionRate: 0, preQueueMinutes: -1 });
    const res = await create(cookie, body);
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toMatchObject({ admissionRate: ["rate_min"], preQueueMinutes: ["invalid"] });
    const caps = await base("LIMITED", { roomRangeCap: -1, roomDeviceCap: 1.5 });
    const capsRes = await create(caps.cookie, caps.body);
    expect(capsRes.status).toBe(422);
    expect((await capsRes.json()).error.fields).toMatchObject({ roomRangeCap: ["invalid"], roomDeviceCap: ["whole_number"] });
    const typed = await base("LIMITED", { waitingRoom: "yes" });
    expect((await (await create(typed.cookie, typed.body)).json()).error.fields).toMatchObject({ waitingRoom: ["invalid"] });
  });

  it("turning the room off and on reaches the stock's Redis keys: without a pass the drop is refused only while it is on", async () => {
    const { cookie, body } = await base("LIMITED", { saleStartsAt: inSeconds(60), admissionRate: 7, preQueueMinutes: 30 });
    const { product } = await (await create(cookie, body)).json();
    await stockGate().ensureLoaded(product.id);
    expect(await meta(product.id)).toEqual(["1", "7", String(30 * 60_000)]);
    clock.setOffsetMs(61_000); // the drop has opened, by the shop's clock
    const [b1, b2] = await createBuyers(2);
    const refused = await placeOrder(b1, randomUUID(), { items: [{ productId: product.id, quantity: 1 }] });
    expect(refused.status).toBe(403);
    expect((await patch(cookie, product.id, { waitingRoom: false })).status).toBe(200);
    expect((await meta(product.id))[0]).toBe("0");
    expect((await placeOrder(b2, randomUUID(), { items: [{ productId: product.id, quantity: 1 }] })).status).toBe(201);
    expect((await patch(cookie, product.id, { waitingRoom: true, admissionRate: null })).status).toBe(200);
    expect(await meta(product.id)).toEqual(["1", "0", String(30 * 60_000)]);
  });

  it("the caps per address range and per device are set per drop and reach the room's script (null = the default, 0 = none)", async () => {
    const { cookie, body } = await base("LIMITED", { roomRangeCap: 50, roomDeviceCap: 2 });
    const { product } = await (await create(cookie, body)).json();
    expect(product).toMatchObject({ roomRangeCap: 50, roomDeviceCap: 2 });
    await stockGate().ensureLoaded(product.id);
    const caps = () => stockGate().run((s) => s.hmget(stockKeys.meta(product.id), ["wn", "wd"]));
    expect(await caps()).toEqual(["50", "2"]);
    const res = await patch(cookie, product.id, { roomRangeCap: 0, roomDeviceCap: null });
    expect(res.status).toBe(200);
    expect((await res.json()).product).toMatchObject({ roomRangeCap: 0, roomDeviceCap: null });
    expect(await caps()).toEqual(["0", "-1"]);
    expect((await (await patch(cookie, product.id, { roomDeviceCap: "four" })).json()).error.fields).toMatchObject({ roomDeviceCap: ["whole_number"] });
  });
});
