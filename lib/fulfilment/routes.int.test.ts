// The fulfilment JSON API through its real route handlers: who may call (401 visitor, 403 buyer, 404
// another shop), the same zod schemas as the forms (422 with field codes), the ship → approve path, the
// bulk upload's body cap, the CSV downloads' headers, and the shop's timers.
import { describe, expect, it } from "vitest";
import * as shipRoute from "@/app/api/seller/orders/[id]/ship/route";
import * as approveRoute from "@/app/api/seller/orders/[id]/return/approve/route";
import * as refuseRoute from "@/app/api/seller/orders/[id]/return/refuse/route";
import * as bulkRoute from "@/app/api/seller/orders/shipments/route";
import * as templateRoute from "@/app/api/seller/orders/shipments/template/route";
import * as exportRoute from "@/app/api/seller/orders/export/route";
import * as settingsRoute from "@/app/api/seller/fulfilment-settings/route";
import { createProduct } from "@/test/factories";
import { ctx, jsonRequest } from "@/test/http";
import { markPaid, placeTestOrder, statusOf } from "@/test/orders";
import { signedIn, signedInSeller } from "@/test/seller";
import { MAX_BULK_BODY_BYTES } from "./schemas";

const id = (v: string) => ctx({ id: v }) as never;

async function paidOrderOfNewShop() {
  const shop = await signedInSeller();
  const other = await signedInSeller();
  const buyer = await signedIn();
  const p = await createProduct({ sellerId: shop.seller.id, units: 5 });
  const orderId = await placeTestOrder(buyer.user.id, [{ productId: p.id, quantity: 1 }]);
  await markPaid(orderId);
  return { shop, other, buyer, orderId };
}

describe("fulfilment routes", () => {
  it("ship: 401, 403, 404 for another shop, 422 with field codes, then shipped and unchanged", async () => {
    const { shop, other, buyer, orderId } = await paidOrderOfNewShop();
    const path = `/api/seller/orders/${orderId}/ship`;
    const body = { courier: "cj", trackingNumber: "1234 5678 9012" };
    expect((await shipRoute.POST(jsonRequest(path, { body }), id(orderId))).status).toBe(401);
    expect((await shipRoute.POST(jsonRequest(path, { body, cookie: buyer.cookie }), id(orderId))).status).toBe(403);
    expect((await shipRoute.POST(jsonRequest(path, { body, cookie: other.cookie }), id(orderId))).status).toBe(404);
    const bad = await shipRoute.POST(jsonRequest(path, { body: { courier: "ups", trackingNumber: "" }, cookie: shop.cookie }), id(orderId));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields).toEqual({ courier: ["unknown_courier"], trackingNumber: ["required"] });
    const ok = await shipRoute.POST(jsonRequest(path, { body, cookie: shop.cookie }), id(orderId));
    expect(await ok.json()).toEqual({ result: "shipped" });
    expect(await (await shipRoute.POST(jsonRequest(path, { body, cookie: shop.cookie }), id(orderId))).json()).toEqual({ result: "unchanged" });
    expect(await statusOf(orderId)).toBe("SHIPPING");
    // A decision on a return that nobody requested is a conflict with the current status.
    const approve = await approveRoute.POST(jsonRequest(`/api/seller/orders/${orderId}/return/approve`, { body: {}, cookie: shop.cookie }), id(orderId));
    expect(approve.status).toBe(409);
    expect((await approve.json()).error).toMatchObject({ code: "INVALID_TRANSITION", status: "SHIPPING" });
    const refuse = await refuseRoute.POST(jsonRequest(`/api/seller/orders/${orderId}/return/refuse`, { body: { reason: " " }, cookie: shop.cookie }), id(orderId));
    expect(refuse.status).toBe(422);
  });

  it("bulk: a per-row answer; an oversized body is 413 and an empty file 422", async () => {
    const { shop, orderId } = await paidOrderOfNewShop();
    const csv = `주문번호,택배사,송장번호\n${orderId},로젠택배,123-4567-8901\n`;
    const res = await bulkRoute.POST(jsonRequest("/api/seller/orders/shipments", { body: { csv }, cookie: shop.cookie }), ctx() as never);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ rows: [{ line: 2, orderId, result: "shipped" }], counts: { shipped: 1, error: 0 } });
    const huge = await bulkRoute.POST(jsonRequest("/api/seller/orders/shipments", { body: { csv: "x".repeat(MAX_BULK_BODY_BYTES) }, cookie: shop.cookie }), ctx() as never);
    expect(huge.status).toBe(413);
    const empty = await bulkRoute.POST(jsonRequest("/api/seller/orders/shipments", { body: { csv: "" }, cookie: shop.cookie }), ctx() as never);
    expect((await empty.json()).error.fields).toEqual({ csv: ["csv_empty"] });
  });

  it("CSV downloads: text/csv with a file name, BOM first, never cached; a bad filter is 400", async () => {
    const { shop, orderId } = await paidOrderOfNewShop();
    const template = await templateRoute.GET(jsonRequest("/api/seller/orders/shipments/template", { cookie: shop.cookie }), ctx() as never);
    expect(template.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(template.headers.get("content-disposition")).toMatch(/^attachment; filename="hurryup-shipments-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(template.headers.get("cache-control")).toBe("private, no-store");
    // Read as bytes: Response.text() would drop the BOM that Excel needs.
    const bytes = Buffer.from(await template.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe(`주문번호,택배사,송장번호\r\n${orderId},,\r\n`);
    const exported = await exportRoute.GET(jsonRequest("/api/seller/orders/export?status=PAID", { cookie: shop.cookie }), ctx() as never);
    expect((await exported.text()).split("\r\n")[1]).toMatch(new RegExp(`^${orderId},`));
    expect((await exportRoute.GET(jsonRequest("/api/seller/orders/export?status=LOST", { cookie: shop.cookie }), ctx() as never)).status).toBe(400);
  });

  it("timers: read with the defaults, set, and refused outside 0 or 60 s – 30 days", async () => {
    const { shop } = await signedInSeller().then((s) => ({ shop: s }));
    const get = await (await settingsRoute.GET(jsonRequest("/api/seller/fulfilment-settings", { cookie: shop.cookie }), ctx() as never)).json();
    expect(get.timers).toEqual({ autoShipSeconds: null, autoDeliverSeconds: null, autoCompleteReturnSeconds: null });
    expect(get.defaults.autoShipSeconds).toBeGreaterThanOrEqual(0);
    const put = (body: unknown) => settingsRoute.PUT(jsonRequest("/api/seller/fulfilment-settings", { method: "PUT", body, cookie: shop.cookie }), ctx() as never);
    expect((await (await put({ autoShipSeconds: 0, autoDeliverSeconds: 3600 })).json()).timers).toEqual({ autoShipSeconds: 0, autoDeliverSeconds: 3600, autoCompleteReturnSeconds: null });
    const bad = await put({ autoShipSeconds: 30, autoCompleteReturnSeconds: 1.5, other: 1 });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields).toMatchObject({ autoShipSeconds: ["timer_range"], autoCompleteReturnSeconds: ["whole_number"] });
    const admin = await signedIn("ADMIN");
    expect((await settingsRoute.GET(jsonRequest("/api/seller/fulfilment-settings", { cookie: admin.cookie }), ctx() as never)).status).toBe(422);
  });
});
