import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createProduct, createUser } from "@/test/factories";
import { GUEST_CART_MAX_AGE_SECONDS, newGuestToken } from "./guest-token";
import { pruneGuestCarts } from "./jobs";
import { guestOwner, userOwner, type CartOwner } from "./owner";
import { getCartView } from "./queries";
import { addCartItem } from "./service";

const ageCart = (o: CartOwner, seconds: number) =>
  db.cart.updateMany({
    where: o.kind === "user" ? { userId: o.userId } : { guestTokenHash: o.tokenHash },
    data: { createdAt: new Date(Date.now() - seconds * 1000) },
  });

describe("pruneGuestCarts (real PostgreSQL)", () => {
  it("deletes guest carts past their cookie's lifetime and keeps users' carts and younger guest carts", async () => {
    const p = await createProduct();
    const user = userOwner((await createUser()).id);
    const expired = guestOwner(newGuestToken());
    const young = guestOwner(newGuestToken());
    for (const o of [user, expired, young]) await addCartItem(o, { productId: p.id, quantity: 1 });
    await ageCart(user, GUEST_CART_MAX_AGE_SECONDS + 3600);
    await ageCart(expired, GUEST_CART_MAX_AGE_SECONDS + 3600);
    await ageCart(young, GUEST_CART_MAX_AGE_SECONDS - 3600);

    expect(await pruneGuestCarts()).toBeGreaterThanOrEqual(1);
    expect((await getCartView(expired)).lines).toEqual([]);
    expect((await getCartView(young)).lines).toHaveLength(1);
    expect((await getCartView(user)).lines).toHaveLength(1);
    // Running again finds nothing of these.
    await pruneGuestCarts();
    expect((await getCartView(young)).lines).toHaveLength(1);
  });
});
