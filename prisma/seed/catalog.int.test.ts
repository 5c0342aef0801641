// The catalog seed against the real PostgreSQL and Redis: run twice, same rows; drops relative to now;
// Redis agrees with PostgreSQL afterwards.
import { describe, expect, it } from "vitest";
import { computeSaleState } from "@/lib/catalog/state";
import { db } from "@/lib/db";
import { stockKeys } from "@/lib/stock/keys";
import { stockGate } from "@/lib/stock/gate";
import { createSeller } from "@/test/factories";
import { seedCategories, seedProducts } from "./catalog-data";
import { loadSeededStock, retimeDrops, seedCatalog, seedId, UPCOMING_DROP_DELAY_MS } from "./catalog";

const counts = async (ids: string[]) => ({
  categories: await db.category.count({ where: { slug: { in: seedCategories.map((c) => c.slug) } } }),
  products: await db.product.count({ where: { id: { in: ids } } }),
  inventory: await db.inventory.count({ where: { productId: { in: ids } } }),
});

describe("catalog seed", () => {
  it("is idempotent, resets the drops relative to now and leaves Redis agreeing with PostgreSQL", async () => {
    const seller = await createSeller();
    const first = await seedCatalog(db, seller.id, Date.now() - 3_600_000);
    const before = await counts(first);
    const now = Date.now();
    const second = await seedCatalog(db, seller.id, now);
    expect(second).toEqual(first);
    expect(await counts(second)).toEqual(before);
    expect(before).toEqual({ categories: seedCategories.length, products: seedProducts.length, inventory: seedProducts.length });

    const drops = await db.product.findMany({ where: { id: { in: second }, type: "LIMITED" }, include: { inventory: true } });
    const states = drops.map((p) => computeSaleState({ saleStartsAt: p.saleStartsAt, saleEndsAt: p.saleEndsAt, remaining: p.inventory!.available }, now)).sort();
    expect(states).toEqual(["ended", "open", "open", "sold_out", "upcoming"]);
    const upcoming = drops.find((p) => p.id === seedId("drop-midnight-high"))!;
    expect(upcoming.saleStartsAt!.getTime()).toBe(now + UPCOMING_DROP_DELAY_MS);
    for (const p of drops) expect(p.perBuyerLimit).toBeGreaterThan(0);
    expect(drops.filter((p) => p.phoneRequired).map((p) => p.id)).toEqual([seedId("drop-verified-messenger")]);
    const images = await db.product.findMany({ where: { id: { in: second } }, select: { images: true } });
    for (const { images: list } of images) expect(list).toHaveLength(3);

    const gate = stockGate();
    await loadSeededStock(gate.store, second);
    const pg = await db.inventory.findMany({ where: { productId: { in: second } } });
    for (const row of pg) {
      const [available, total] = await gate.run((s) => s.hmget(stockKeys.meta(row.productId), ["a", "t"]));
      expect([Number(available), Number(total)]).toEqual([row.available, row.total]);
    }
  });

  it("keeps units held or sold by real orders counted when re-seeding", async () => {
    const seller = await createSeller();
    const ids = await seedCatalog(db, seller.id, Date.now());
    const id = seedId("classic-canvas");
    // Two units went into orders since the last seed.
    await db.inventory.update({ where: { productId: id }, data: { available: { decrement: 2 } } });
    await db.productVariant.updateMany({ where: { productId: id }, data: { available: { decrement: 2 } } });
    await seedCatalog(db, seller.id, Date.now());
    const inv = await db.inventory.findUniqueOrThrow({ where: { productId: id } });
    const units = seedProducts.find((p) => p.key === "classic-canvas")!.units;
    expect(inv).toMatchObject({ available: units, total: units + 2 });
    expect(ids).toContain(id);
  });

  it("gives the sneakers size runs, the flagship's popular sizes nearly gone, and Redis each size's units", async () => {
    const seller = await createSeller();
    const ids = await seedCatalog(db, seller.id, Date.now());
    const id = seedId("drop-aurora-runner");
    const variants = await db.productVariant.findMany({ where: { productId: id }, orderBy: { position: "asc" } });
    expect(variants.map((v) => v.optionValues[0])).toEqual(["230", "235", "240", "245", "250", "255", "260", "265", "270", "275", "280", "285", "290", "295", "300"]);
    expect(variants.reduce((s, v) => s + v.total, 0)).toBe(100);
    const middle = variants.filter((v) => ["255", "260", "265", "270"].includes(v.optionValues[0]));
    expect(middle.every((v) => v.available <= 1)).toBe(true);
    const inv = await db.inventory.findUniqueOrThrow({ where: { productId: id } });
    expect(inv.available).toBe(variants.reduce((s, v) => s + v.available, 0));
    await loadSeededStock(stockGate().store, ids);
    const m = await stockGate().run((s) => s.hgetall(stockKeys.meta(id)));
    for (const v of variants) expect(Number(m[`a:${v.id}`])).toBe(v.available);
  });

  it("re-times only the drops from a later now (the demo, once the shop answers), and Redis follows", async () => {
    const seller = await createSeller();
    const seededAt = Date.now() - 10 * 60_000; // the build took ten minutes: the upcoming drop has opened
    const ids = await seedCatalog(db, seller.id, seededAt);
    const plain = seedId("classic-canvas");
    const plainBefore = await db.product.findUniqueOrThrow({ where: { id: plain } });
    const inventoryBefore = await db.inventory.findMany({ where: { productId: { in: ids } }, orderBy: { productId: "asc" } });

    const now = Date.now();
    const drops = await retimeDrops(db, now);
    const limited = await db.product.findMany({ where: { id: { in: ids }, type: "LIMITED" }, include: { inventory: true } });
    expect([...drops].sort()).toEqual(limited.map((p) => p.id).sort());
    const states = limited.map((p) => computeSaleState({ saleStartsAt: p.saleStartsAt, saleEndsAt: p.saleEndsAt, remaining: p.inventory!.available }, now)).sort();
    expect(states).toEqual(["ended", "open", "open", "sold_out", "upcoming"]);
    expect(limited.find((p) => p.id === seedId("drop-midnight-high"))!.saleStartsAt!.getTime()).toBe(now + UPCOMING_DROP_DELAY_MS);
    expect(await db.product.findUniqueOrThrow({ where: { id: plain } })).toEqual(plainBefore);
    expect(await db.inventory.findMany({ where: { productId: { in: ids } }, orderBy: { productId: "asc" } })).toEqual(inventoryBefore);

    const gate = stockGate();
    await loadSeededStock(gate.store, drops);
    const upcoming = seedId("drop-midnight-high");
    const [startsAtMs] = await gate.run((s) => s.hmget(stockKeys.meta(upcoming), ["s"]));
    expect(Number(startsAtMs)).toBe(now + UPCOMING_DROP_DELAY_MS);
  });
});
