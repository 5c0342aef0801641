import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createProduct, createUser } from "@/test/factories";
import { newGuestToken } from "./guest-token";
import { mergeGuestCart } from "./merge";
import { guestOwner, userOwner } from "./owner";
import { getCartView } from "./queries";
import { addCartItem } from "./service";

describe("mergeGuestCart (real PostgreSQL)", () => {
  it("sums quantities, caps them by limits and stock, and lists every change", async () => {
    const user = await createUser();
    const token = newGuestToken();
    const guest = guestOwner(token);
    const me = userOwner(user.id);
    const fresh = await createProduct({ name: "Fresh" });
    const both = await createProduct({ name: "Both" });
    const scarce = await createProduct({ name: "Scarce", units: 4 });
    const limited = await createProduct({ name: "Limited", perBuyerLimit: 3, type: "LIMITED" });
    const reached = await createProduct({ name: "Reached", perBuyerLimit: 1, type: "LIMITED" });
    await db.purchaseCounter.create({ data: { userId: user.id, productId: limited.id, quantity: 1 } });

    await addCartItem(me, { productId: both.id, quantity: 1 });
    await addCartItem(me, { productId: scarce.id, quantity: 3 });
    await addCartItem(guest, { productId: fresh.id, quantity: 2 });
    await addCartItem(guest, { productId: both.id, quantity: 2 });
    await addCartItem(guest, { productId: scarce.id, quantity: 3 });
    await addCartItem(guest, { productId: limited.id, quantity: 3 });
    await addCartItem(guest, { productId: reached.id, quantity: 1 });
    // The user bought the last allowed unit on another device while the guest cart waited.
    await db.purchaseCounter.create({ data: { userId: user.id, productId: reached.id, quantity: 1 } });

    const changes = await mergeGuestCart(user.id, token);
    const byName = Object.fromEntries(changes.map((c) => [c.name, c]));
    expect(byName.Fresh).toMatchObject({ kind: "added", previousQuantity: 0, guestQuantity: 2, quantity: 2, reason: null });
    expect(byName.Both).toMatchObject({ kind: "summed", previousQuantity: 1, guestQuantity: 2, quantity: 3, reason: null });
    expect(byName.Scarce).toMatchObject({ kind: "capped", previousQuantity: 3, guestQuantity: 3, quantity: 4, reason: "stock" });
    expect(byName.Limited).toMatchObject({ kind: "capped", previousQuantity: 0, guestQuantity: 3, quantity: 2, reason: "limit" });
    expect(byName.Reached).toMatchObject({ kind: "dropped", quantity: 0, reason: "limit" });

    const cart = await getCartView(me);
    expect(Object.fromEntries(cart.lines.map((l) => [l.name, l.quantity]))).toEqual({ Both: 3, Scarce: 4, Fresh: 2, Limited: 2 });
    expect(cart.mergeNotice?.changes).toHaveLength(5);
    // The guest cart is consumed.
    expect(await db.cart.count({ where: { guestTokenHash: guest.kind === "guest" ? guest.tokenHash : "" } })).toBe(0);
    expect((await getCartView(guest)).lines).toEqual([]);
  });

  it("is idempotent: merging twice changes nothing", async () => {
    const user = await createUser();
    const token = newGuestToken();
    const p = await createProduct();
    await addCartItem(guestOwner(token), { productId: p.id, quantity: 2 });
    expect(await mergeGuestCart(user.id, token)).toHaveLength(1);
    const before = await getCartView(userOwner(user.id));
    expect(await mergeGuestCart(user.id, token)).toEqual([]);
    const after = await getCartView(userOwner(user.id));
    expect(after.lines).toEqual(before.lines);
    expect(after.lines[0].quantity).toBe(2);
  });

  it("merges exactly once when two requests race", async () => {
    const user = await createUser();
    const token = newGuestToken();
    const p = await createProduct();
    await addCartItem(guestOwner(token), { productId: p.id, quantity: 2 });
    const results = await Promise.all([mergeGuestCart(user.id, token), mergeGuestCart(user.id, token), mergeGuestCart(user.id, token)]);
    expect(results.map((r) => r.length).sort()).toEqual([0, 0, 1]);
    expect((await getCartView(userOwner(user.id))).lines[0].quantity).toBe(2);
  });

  it("drops lines of products whose sale has ended and keeps the user's own lines untouched", async () => {
    const user = await createUser();
    const token = newGuestToken();
    const p = await createProduct({ units: 10 });
    await addCartItem(userOwner(user.id), { productId: p.id, quantity: 6 });
    await addCartItem(guestOwner(token), { productId: p.id, quantity: 1 });
    await db.inventory.update({ where: { productId: p.id }, data: { available: 2 } });
    await db.productVariant.updateMany({ where: { productId: p.id }, data: { available: 2 } }); // its one (implicit) variant
    const [change] = await mergeGuestCart(user.id, token);
    expect(change).toMatchObject({ kind: "dropped", previousQuantity: 6, quantity: 6, reason: "stock" });
    const ended = await createProduct();
    const token2 = newGuestToken();
    await addCartItem(guestOwner(token2), { productId: ended.id, quantity: 1 });
    await db.product.update({ where: { id: ended.id }, data: { status: "ARCHIVED" } });
    expect(await mergeGuestCart(user.id, token2)).toMatchObject([{ kind: "dropped", reason: "ended", quantity: 0 }]);
    expect((await getCartView(userOwner(user.id))).lines.map((l) => l.productId)).toEqual([p.id]);
  });

  it("does nothing for an unknown token", async () => {
    const user = await createUser();
    expect(await mergeGuestCart(user.id, newGuestToken())).toEqual([]);
    expect(await db.cart.count({ where: { userId: user.id } })).toBe(0);
  });
});
