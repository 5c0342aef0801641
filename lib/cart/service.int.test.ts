import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createProduct, createUser } from "@/test/factories";
import { newGuestToken } from "./guest-token";
import { guestOwner, userOwner } from "./owner";
import { getCartView } from "./queries";
import { addCartItem, removeCartItem, setAllSelected, updateCartItem } from "./service";

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: AppError) => e.code);

describe("cart service (real PostgreSQL)", () => {
  it("adds a product, sums a repeat add and prices totals from the product's current price", async () => {
    const user = await createUser();
    const owner = userOwner(user.id);
    const p = await createProduct({ price: 12_900 });
    await addCartItem(owner, { productId: p.id, quantity: 2 });
    const { result, cart } = await addCartItem(owner, { productId: p.id, quantity: 3 });
    expect(result).toMatchObject({ quantity: 5, capped: false });
    expect(cart.lines).toHaveLength(1);
    expect(cart.totals).toEqual({ lineCount: 1, quantity: 5, amount: 64_500 });
    await db.product.update({ where: { id: p.id }, data: { price: 10_000 } });
    expect((await getCartView(owner)).totals.amount).toBe(50_000);
  });

  it("caps an add by the units in stock and reports the cap", async () => {
    const owner = userOwner((await createUser()).id);
    const p = await createProduct({ units: 3 });
    const { result, cart } = await addCartItem(owner, { productId: p.id, quantity: 5 });
    expect(result).toMatchObject({ requested: 5, quantity: 3, capped: true, maxQuantity: 3, capReason: "stock" });
    expect(cart.lines[0].quantity).toBe(3);
  });

  it("caps by the per-buyer limit less what the buyer already holds or bought", async () => {
    const user = await createUser();
    const p = await createProduct({ type: "LIMITED", perBuyerLimit: 3, units: 100 });
    await db.purchaseCounter.create({ data: { userId: user.id, productId: p.id, quantity: 2 } });
    const { result } = await addCartItem(userOwner(user.id), { productId: p.id, quantity: 2 });
    expect(result).toMatchObject({ quantity: 1, capped: true, capReason: "limit" });
    // A guest has bought nothing, so only the limit itself applies.
    const guest = await addCartItem(guestOwner(newGuestToken()), { productId: p.id, quantity: 5 });
    expect(guest.result).toMatchObject({ quantity: 3, capReason: "limit" });
    await db.purchaseCounter.update({ where: { userId_productId: { userId: user.id, productId: p.id } }, data: { quantity: 3 } });
    const other = await createProduct({ perBuyerLimit: 1 });
    await db.purchaseCounter.create({ data: { userId: user.id, productId: other.id, quantity: 1 } });
    expect(await codeOf(addCartItem(userOwner(user.id), { productId: other.id, quantity: 1 }))).toBe("LIMIT_EXCEEDED");
  });

  it("refuses sold-out and ended products but takes upcoming ones, showing when they open", async () => {
    const owner = userOwner((await createUser()).id);
    const soldOut = await createProduct({ units: 0 });
    const ended = await createProduct({ saleEndsAt: new Date(Date.now() - 60_000) });
    const opensAt = new Date(Date.now() + 3_600_000);
    const upcoming = await createProduct({ saleStartsAt: opensAt, perBuyerLimit: 2 });
    expect(await codeOf(addCartItem(owner, { productId: soldOut.id, quantity: 1 }))).toBe("SOLD_OUT");
    expect(await codeOf(addCartItem(owner, { productId: ended.id, quantity: 1 }))).toBe("ENDED");
    const { cart } = await addCartItem(owner, { productId: upcoming.id, quantity: 1 });
    expect(cart.lines[0].availability).toEqual({ state: "upcoming", opensAt: opensAt.toISOString(), endsAt: null });
    expect(cart.lines[0].purchasable).toBe(false);
    expect(cart.selectedTotals.amount).toBe(0);
    expect(cart.totals.amount).toBe(upcoming.price);
  });

  it("reports live availability when stock runs out after the add", async () => {
    const owner = userOwner((await createUser()).id);
    const p = await createProduct({ units: 5 });
    await addCartItem(owner, { productId: p.id, quantity: 2 });
    // The line's variant (here the implicit one) is what runs out; the product's sum follows it.
    await db.productVariant.updateMany({ where: { productId: p.id }, data: { available: 0 } });
    await db.inventory.update({ where: { productId: p.id }, data: { available: 0 } });
    const line = (await getCartView(owner)).lines[0];
    expect(line).toMatchObject({ quantity: 2, maxQuantity: 0, purchasable: false, availability: { state: "sold_out" } });
  });

  it("keeps two sizes of one product as two lines, each priced and capped by its own units", async () => {
    const owner = userOwner((await createUser()).id);
    const p = await createProduct({ price: 100_000, sizes: { units: { "260": 1, "270": 3 }, priceDelta: { "270": 5_000 } } });
    const [s260, s270] = p.variants;
    await addCartItem(owner, { productId: p.id, variantId: s260.id, quantity: 2 });
    const { cart } = await addCartItem(owner, { productId: p.id, variantId: s270.id, quantity: 2 });
    expect(cart.lines.map((l) => [l.variant.label, l.quantity, l.unitPrice, l.maxQuantity])).toEqual([["사이즈 260", 1, 100_000, 1], ["사이즈 270", 2, 105_000, 3]]);
    await expect(addCartItem(owner, { productId: p.id, quantity: 1 })).rejects.toMatchObject({ code: "VALIDATION", fields: { variantId: ["Choose an option"] } });
  });

  it("changes quantity within the cap, selects and deselects, removes", async () => {
    const owner = userOwner((await createUser()).id);
    const a = await createProduct({ units: 4, price: 1_000 });
    const b = await createProduct({ price: 2_000 });
    await addCartItem(owner, { productId: a.id, quantity: 1 });
    const { cart } = await addCartItem(owner, { productId: b.id, quantity: 1 });
    const [la, lb] = cart.lines;
    expect((await updateCartItem(owner, la.id, { quantity: 9 })).lines[0].quantity).toBe(4);
    const afterDeselect = await updateCartItem(owner, lb.id, { selected: false });
    expect(afterDeselect.selectedTotals).toEqual({ lineCount: 1, quantity: 4, amount: 4_000 });
    expect(afterDeselect.totals.amount).toBe(6_000);
    expect((await setAllSelected(owner, true)).selectedTotals.amount).toBe(6_000);
    const afterRemove = await removeCartItem(owner, la.id);
    expect(afterRemove.lines.map((l) => l.id)).toEqual([lb.id]);
    expect(await codeOf(removeCartItem(owner, la.id))).toBe("NOT_FOUND");
  });

  it("answers 404 for another shopper's line, and leaves it alone", async () => {
    const alice = userOwner((await createUser()).id);
    const bob = userOwner((await createUser()).id);
    const guest = guestOwner(newGuestToken());
    const p = await createProduct();
    const { cart } = await addCartItem(alice, { productId: p.id, quantity: 1 });
    const lineId = cart.lines[0].id;
    await addCartItem(bob, { productId: p.id, quantity: 1 });
    for (const intruder of [bob, guest]) {
      expect(await codeOf(updateCartItem(intruder, lineId, { quantity: 3 }))).toBe("NOT_FOUND");
      expect(await codeOf(removeCartItem(intruder, lineId))).toBe("NOT_FOUND");
    }
    expect((await getCartView(alice)).lines[0]).toMatchObject({ id: lineId, quantity: 1 });
  });

  it("sums concurrent adds to one cart without losing any", async () => {
    const owner = userOwner((await createUser()).id);
    const p = await createProduct({ units: 1000 });
    await Promise.all(Array.from({ length: 8 }, () => addCartItem(owner, { productId: p.id, quantity: 1 })));
    expect((await getCartView(owner)).lines[0].quantity).toBe(8);
    expect(await db.cart.count({ where: { userId: owner.kind === "user" ? owner.userId : "" } })).toBe(1);
  });

  it("refuses unknown and draft products as not found", async () => {
    const owner = userOwner((await createUser()).id);
    const draft = await createProduct({ status: "DRAFT" });
    expect(await codeOf(addCartItem(owner, { productId: draft.id, quantity: 1 }))).toBe("NOT_FOUND");
    expect(await codeOf(addCartItem(owner, { productId: "00000000-0000-4000-8000-000000000000", quantity: 1 }))).toBe("NOT_FOUND");
  });
});
