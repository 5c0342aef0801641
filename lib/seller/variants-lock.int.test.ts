// A size save during a live sale: an order's ledger statement takes the size's row and Inventory, and only at
// its end — when its rows are written — the foreign keys' KEY SHARE locks on the product. The save must not
// hold the product in a mode that blocks those (FOR UPDATE did) while it waits for the order's size row, or
// the two deadlock and PostgreSQL aborts one. The order is paused where the statement holds its size row
// (the same locks, taken in the statement's order); the save must wait for it and both commit.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createProduct } from "@/test/factories";
import { blockedBy } from "@/test/locks";
import { setProductVariants } from "./variants";

const sizes = (values: string[], units: number) => ({
  options: [{ name: "사이즈", values }],
  variants: values.map((v) => ({ optionValues: [v], sku: `LOCK-${v}`, priceDelta: 0, units })),
});

describe("a size save racing an order of the product", () => {
  it("waits for the order's size row, lets the order's foreign keys through, and both commit", async () => {
    const p = await createProduct({ units: 10 });
    const scope = { sellerId: p.sellerId, isAdmin: false };
    const first = await setProductVariants(scope, p.id, sizes(["250", "260"], 5));
    const size = first.variants[0].id;
    let saved: Promise<{ error?: unknown }> | undefined;
    await db.$transaction(async (tx) => {
      const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      // The statement's `taken` and `inventory_taken`: the size row, then the product's sum.
      await tx.$executeRaw`UPDATE "ProductVariant" SET available = available - 1 WHERE id = ${size}::uuid`;
      await tx.$executeRaw`UPDATE "Inventory" SET available = available - 1 WHERE "productId" = ${p.id}::uuid`;
      // Settled at once, so a failure while this transaction still runs is not an unhandled rejection.
      saved = setProductVariants(scope, p.id, sizes(["250", "260"], 6)).then(() => ({}), (error: unknown) => ({ error }));
      await blockedBy(pid);
      // The order's rows going in: their foreign keys' lock on the product.
      await tx.$queryRaw`SELECT 1 FROM "Product" WHERE id = ${p.id}::uuid FOR KEY SHARE`;
      // (The order itself is not written: the units go back and the statement's locks are released.)
      await tx.$executeRaw`UPDATE "ProductVariant" SET available = available + 1 WHERE id = ${size}::uuid`;
      await tx.$executeRaw`UPDATE "Inventory" SET available = available + 1 WHERE "productId" = ${p.id}::uuid`;
    }, { timeout: 30_000 });
    expect(await saved).toEqual({});
    const after = await db.productVariant.findMany({ where: { productId: p.id }, orderBy: { position: "asc" } });
    expect(after.map((v) => [v.total, v.available])).toEqual([[6, 6], [6, 6]]);
    expect(await db.inventory.findUniqueOrThrow({ where: { productId: p.id } })).toMatchObject({ total: 12, available: 12 });
  });
});
