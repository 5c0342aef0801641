// Shipping by the seller against real PostgreSQL: the guarded PAID → SHIPPING with its shipment, idempotent
// repeats and corrections, scope (another shop's order is 404, a mixed order 409), the CSV bulk upload row
// by row (and again, unchanged), and the CSV export of the seller's orders.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createProduct, createSeller } from "@/test/factories";
import { markPaid, placeTestOrder, statusOf } from "@/test/orders";
import { createBuyers, expectInvariant } from "@/test/stock";
import { bulkShip } from "./bulk";
import { exportOrdersCsv, shipmentTemplateCsv } from "./export";
import { shipOrder } from "./shipping";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, status: e.extra?.status, reason: e.extra?.reason }),
  );

async function paidOrderOf(sellerId?: string, name?: string) {
  const p = await createProduct({ units: 10, ...(sellerId && { sellerId }), ...(name && { name }) });
  const [b] = await createBuyers(1);
  const id = await placeTestOrder(b, [{ productId: p.id, quantity: 1 }]);
  await markPaid(id);
  return { id, product: p, scope: { sellerId: p.sellerId, isAdmin: false } };
}

const statusChanges = (orderId: string) => db.outboxEvent.count({ where: { topic: "order-status-changed", payload: { path: ["orderId"], equals: orderId } } });

describe("shipOrder", () => {
  it("moves PAID → SHIPPING once with courier and number; a repeat is unchanged, another number corrects it", async () => {
    const { id, product, scope } = await paidOrderOf();
    const before = await statusChanges(id);
    const results = await Promise.all([1, 2, 3].map(() => shipOrder(scope, id, { courier: "cj", trackingNumber: "123456789012" })));
    expect(results.map((r) => r.result).sort()).toEqual(["shipped", "unchanged", "unchanged"]);
    expect(await statusOf(id)).toBe("SHIPPING");
    expect(await statusChanges(id)).toBe(before + 1);
    const events = await db.orderEvent.findMany({ where: { orderId: id, toStatus: "SHIPPING" } });
    expect(events).toHaveLength(1);
    expect(await db.shipment.findUniqueOrThrow({ where: { orderId: id } })).toMatchObject({ courier: "cj", trackingNumber: "123456789012" });
    expect(await shipOrder(scope, id, { courier: "hanjin", trackingNumber: "1234567890" })).toEqual({ result: "updated" });
    expect(await db.shipment.findUniqueOrThrow({ where: { orderId: id } })).toMatchObject({ courier: "hanjin", trackingNumber: "1234567890" });
    expect(await statusChanges(id)).toBe(before + 1);
    expect((await expectInvariant(product.id)).sold).toBe(1);
  });

  it("is 409 before payment, 404 for another shop, 409 other_sellers for a mixed order", async () => {
    const p = await createProduct({ units: 5 });
    const scope = { sellerId: p.sellerId, isAdmin: false };
    const [b] = await createBuyers(1);
    const unpaid = await placeTestOrder(b, [{ productId: p.id, quantity: 1 }]);
    const ship = (s: typeof scope, id: string) => failure(shipOrder(s, id, { courier: "cj", trackingNumber: "123456789012" }));
    expect(await ship(scope, unpaid)).toEqual({ code: "INVALID_TRANSITION", status: "PENDING_PAYMENT", reason: undefined });
    const other = await createSeller();
    expect(await ship({ sellerId: other.id, isAdmin: false }, unpaid)).toMatchObject({ code: "NOT_FOUND" });
    expect(await ship(scope, "not an order id")).toMatchObject({ code: "NOT_FOUND" });

    const q = await createProduct({ units: 5, sellerId: other.id });
    const mixed = await placeTestOrder(b, [{ productId: p.id, quantity: 1 }, { productId: q.id, quantity: 1 }]);
    await markPaid(mixed);
    expect(await ship(scope, mixed)).toEqual({ code: "CONFLICT", status: undefined, reason: "other_sellers" });
    // An admin acts for every shop at once.
    expect(await shipOrder({ sellerId: null, isAdmin: true }, mixed, { courier: "epost", trackingNumber: "1234567890123" })).toEqual({ result: "shipped" });
  });
});

describe("bulkShip", () => {
  it("ships row by row with a result per row, and the same file again changes nothing", async () => {
    const seller = await createSeller();
    const a = await paidOrderOf(seller.id);
    const b = await paidOrderOf(seller.id);
    const c = await paidOrderOf(seller.id);
    const foreign = await paidOrderOf();
    const scope = a.scope;
    const csv = [
      "\uFEFF주문번호,택배사,송장번호",
      `${a.id},CJ대한통운,1234-5678-9012`,
      `${b.id},롯데택배,12`,
      `${foreign.id},cj,123456789012`,
      `${c.id},,`,
      `HU-nonexistent-1,cj,123456789012`,
      `${a.id},한진택배,1234567890`,
      `${b.id},DHL,123`,
    ].join("\r\n");
    const first = await bulkShip(scope, csv);
    expect(first.rows.map((r) => [r.line, r.result, r.error])).toEqual([
      [2, "shipped", undefined],
      [3, "error", "invalid_tracking"],
      [4, "error", "order_not_found"],
      [5, "skipped", undefined],
      [6, "error", "order_not_found"],
      [7, "error", "duplicate_order"],
      [8, "error", "unknown_courier"],
    ]);
    expect(first.counts).toEqual({ shipped: 1, updated: 0, unchanged: 0, skipped: 1, error: 5 });
    expect(await statusOf(a.id)).toBe("SHIPPING");
    expect(await statusOf(b.id)).toBe("PAID");
    expect(await statusOf(foreign.id)).toBe("PAID");
    const again = await bulkShip(scope, csv);
    expect(again.rows[0]).toMatchObject({ result: "unchanged" });
    expect(again.counts.shipped).toBe(0);
    expect(await db.orderEvent.count({ where: { orderId: a.id, toStatus: "SHIPPING" } })).toBe(1);

    // The template lists what still waits to ship; filled in and uploaded, it ships them.
    const template = parse(await shipmentTemplateCsv(scope), { bom: true }) as string[][];
    expect(template[0]).toEqual(["주문번호", "택배사", "송장번호"]);
    expect(template.slice(1).map((r) => r[0]).sort()).toEqual([b.id, c.id].sort());
    const filled = [template[0], ...template.slice(1).map((r) => [r[0], "우체국택배", "1234567890123"])].map((r) => r.join(",")).join("\n");
    expect((await bulkShip(scope, filled)).counts).toMatchObject({ shipped: 2, error: 0 });
  });
});

describe("exportOrdersCsv", () => {
  it("exports the shop's orders with Korean headers, its own lines only, inert formula cells, filtered by status", async () => {
    const seller = await createSeller();
    const shipped = await paidOrderOf(seller.id, "=HYPERLINK(\"http://evil\")");
    await shipOrder(shipped.scope, shipped.id, { courier: "logen", trackingNumber: "12345678901" });
    const paid = await paidOrderOf(seller.id, "평범한 상품");
    await paidOrderOf(); // another shop's
    const rows = parse(await exportOrdersCsv(shipped.scope, {}), { bom: true }) as string[][];
    expect(rows[0]).toEqual(["주문번호", "주문일시", "상태", "상품", "수량", "금액(원)", "택배사", "송장번호", "발송일시"]);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([shipped.id, paid.id].sort());
    const s = rows.find((r) => r[0] === shipped.id)!;
    expect(s.slice(2, 8)).toEqual(["배송 중", "'=HYPERLINK(\"http://evil\") × 1", "1", "10000", "로젠택배", "12345678901"]);
    const onlyShipping = parse(await exportOrdersCsv(shipped.scope, { status: "SHIPPING" }), { bom: true }) as string[][];
    expect(onlyShipping.slice(1).map((r) => r[0])).toEqual([shipped.id]);
  });
});
