// The seller's axes and variants (docs/variants.md) through PUT /api/seller/products/{id}/variants's service,
// real PostgreSQL and Redis: a size run replaces the implicit variant, Redis is reloaded with every size, and
// a size with orders cannot be dropped nor set below what is held or sold.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { placeOrder } from "@/lib/orders/place/place-order";
import { stockGate } from "@/lib/stock/gate";
import { stockKeys } from "@/lib/stock/keys";
import { sizeRun } from "@/lib/variants/types";
import { createProduct } from "@/test/factories";
import { createBuyers, expectInvariant } from "@/test/stock";
import { setProductVariants } from "./variants";

const sizes = (values: string[], units: number) => ({
  options: [{ name: "사이즈", values }],
  variants: values.map((v) => ({ optionValues: [v], sku: `RUN-${v}`, priceDelta: 0, units })),
});

describe("setProductVariants", () => {
  it("turns a product into a size run, reloads Redis per size, and keeps sizes with orders", async () => {
    const p = await createProduct({ units: 10, perBuyerLimit: 2 });
    const scope = { sellerId: p.sellerId, isAdmin: false };
    await stockGate().reload(p.id); // loaded before the change, as a live product is
    const run = sizeRun(230, 300, 5);
    const res = await setProductVariants(scope, p.id, sizes(run, 4));
    expect(res.variants.map((v) => v.label)).toEqual(run.map((v) => `사이즈 ${v}`));
    expect(await db.productVariant.count({ where: { productId: p.id, isDefault: true } })).toBe(0);
    const m = await stockGate().run((s) => s.hgetall(stockKeys.meta(p.id)));
    expect([m.a, m.dv, m[`a:${res.variants[7].id}`]]).toEqual(["60", "", "4"]);

    const [buyer] = await createBuyers(1);
    const a = await placeOrder(buyer, randomUUID(), { items: [{ productId: p.id, variantId: res.variants[7].id, quantity: 2 }] });
    expect(a.status).toBe(201);
    // 265 has two pairs held: it may not leave, nor go below them.
    const without = sizes(run.filter((v) => v !== "265"), 4);
    await expect(setProductVariants(scope, p.id, without)).rejects.toMatchObject({ code: "VALIDATION", fields: { variants: ["in_orders:RUN-265"] } });
    const below = sizes(run, 4);
    below.variants[7].units = 1;
    await expect(setProductVariants(scope, p.id, below)).rejects.toMatchObject({ fields: { "variants.7.units": ["units_below_committed"] } });
    // A restocked size keeps its id and its held pairs: total 6, 4 left.
    const more = sizes(run, 4);
    more.variants[7].units = 6;
    const after = await setProductVariants(scope, p.id, more);
    expect(after.variants[7]).toMatchObject({ id: res.variants[7].id, total: 6, available: 4 });
    await expectInvariant(p.id, { limit: 2 });
  });
});
