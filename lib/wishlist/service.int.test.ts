import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { userOwner } from "@/lib/cart/owner";
import { getCartView } from "@/lib/cart/queries";
import { createProduct, createUser } from "@/test/factories";
import { listWishlist, wishlistedAmong } from "./queries";
import { addToWishlist, moveWishlistItemToCart, removeFromWishlist } from "./service";

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: AppError) => e.code);

describe("wishlist service (real PostgreSQL)", () => {
  it("adds and removes idempotently", async () => {
    const user = await createUser();
    const p = await createProduct({ price: 39_000 });
    expect(await addToWishlist(user.id, p.id)).toEqual({ created: true });
    expect(await addToWishlist(user.id, p.id)).toEqual({ created: false });
    const items = await listWishlist(user.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ productId: p.id, price: 39_000, availability: { state: "available" } });
    expect(await wishlistedAmong(user.id, [p.id])).toEqual(new Set([p.id]));
    expect(await removeFromWishlist(user.id, p.id)).toEqual({ removed: true });
    expect(await removeFromWishlist(user.id, p.id)).toEqual({ removed: false });
    expect(await listWishlist(user.id)).toEqual([]);
  });

  it("keeps wishlists apart and refuses unknown products", async () => {
    const [a, b] = [await createUser(), await createUser()];
    const p = await createProduct();
    await addToWishlist(a.id, p.id);
    expect(await listWishlist(b.id)).toEqual([]);
    expect(await codeOf(addToWishlist(a.id, "00000000-0000-4000-8000-000000000000"))).toBe("NOT_FOUND");
  });

  it("moves an item to the cart once, and keeps the heart when the product is sold out", async () => {
    const user = await createUser();
    const p = await createProduct();
    const gone = await createProduct({ units: 0 });
    await addToWishlist(user.id, p.id);
    await addToWishlist(user.id, gone.id);
    const { cart } = await moveWishlistItemToCart(user.id, p.id);
    expect(cart.lines).toMatchObject([{ productId: p.id, quantity: 1 }]);
    expect(await codeOf(moveWishlistItemToCart(user.id, p.id))).toBe("NOT_FOUND");
    expect((await getCartView(userOwner(user.id))).lines[0].quantity).toBe(1);
    expect(await codeOf(moveWishlistItemToCart(user.id, gone.id))).toBe("SOLD_OUT");
    expect((await listWishlist(user.id)).map((i) => i.productId)).toEqual([gone.id]);
  });
});
