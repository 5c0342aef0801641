// Checkout from the cart, the wishlist and buy-now against real PostgreSQL and Redis: all lines or none,
// placed lines leave the cart/wishlist in the order's transaction, the delivery snapshot encrypted at rest
// (given, a saved address, or the address book's default; a cart or wishlist checkout needs one).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { userOwner } from "@/lib/cart/owner";
import { getCartView } from "@/lib/cart/queries";
import { addCartItem, updateCartItem } from "@/lib/cart/service";
import { decrypt, encrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { stockGate } from "@/lib/stock/gate";
import { stockKeys } from "@/lib/stock/keys";
import { addToWishlist } from "@/lib/wishlist/service";
import { listWishlist } from "@/lib/wishlist/queries";
import { createProduct, createUser } from "@/test/factories";
import { expectInvariant } from "@/test/stock";
import { HOME, HOME_INPUT, giveDefaultAddresses } from "@/test/addresses";
import { decryptDelivery } from "@/lib/addresses/codec";
import { createAddress } from "@/lib/addresses/service";
import { placeOrder } from "./place-order";
import { checkoutSchema, type OrderAnswer } from "../schemas";

const ADDRESS = "서울특별시 강남구 테헤란로 1, 101호";
const run = (userId: string, body: unknown, key: string = randomUUID()) => placeOrder(userId, key, checkoutSchema.parse(body));
const orderIdOf = (a: OrderAnswer) => (a.body as { order: { id: string } }).order.id;
const fieldsOf = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => ({ code: e.code, fields: Object.keys(e.fields ?? {}) }));
const redisAvailable = async (productId: string) => Number((await stockGate().run((s) => s.hmget(stockKeys.meta(productId), ["a"])))[0]);

async function buyerWithCart(products: { id: string; quantity: number }[], address: string | null = ADDRESS) {
  const user = await createUser({ addressEnc: address ? encrypt(address) : null });
  if (address) await giveDefaultAddresses([user.id]);
  for (const p of products) await addCartItem(userOwner(user.id), { productId: p.id, quantity: p.quantity });
  const cart = await getCartView(userOwner(user.id));
  return { user, lines: cart.lines };
}

describe("checkout from the cart", () => {
  it("orders the chosen lines at the server's prices; they leave the cart, the rest stays", async () => {
    const [a, b, c] = await Promise.all([createProduct({ price: 12_000 }), createProduct({ price: 3_500 }), createProduct({ price: 99_000 })]);
    const { user, lines } = await buyerWithCart([{ id: a.id, quantity: 2 }, { id: b.id, quantity: 3 }, { id: c.id, quantity: 1 }]);
    const chosen = lines.filter((l) => l.productId !== c.id).map((l) => l.id);
    const key = randomUUID();
    const answer = await run(user.id, { source: "cart", cartItemIds: chosen }, key);
    expect(answer.status).toBe(201);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderIdOf(answer) }, include: { items: true } });
    expect(order.amount).toBe(2 * 12_000 + 3 * 3_500);
    expect(order.items.map((i) => [i.productId, i.quantity, i.unitPrice]).sort()).toEqual([[a.id, 2, 12_000], [b.id, 3, 3_500]].sort());
    expect(order.shippingAddressEnc).not.toContain("서울");
    expect(decrypt(order.shippingAddressEnc!)).toBe(ADDRESS);
    expect((await getCartView(userOwner(user.id))).lines.map((l) => l.productId)).toEqual([c.id]);
    // The same request again (a retry) replays the first answer even though its lines are gone.
    expect(await run(user.id, { source: "cart", cartItemIds: chosen }, key)).toEqual(answer);
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a two-line order where one line is sold out creates nothing and holds nothing", async () => {
    const plenty = await createProduct({ units: 10 });
    const scarce = await createProduct({ units: 1 });
    const { user, lines } = await buyerWithCart([{ id: plenty.id, quantity: 2 }, { id: scarce.id, quantity: 1 }]);
    // Someone else buys the last unit after it went into this cart.
    const rival = await buyerWithCart([{ id: scarce.id, quantity: 1 }]);
    expect((await run(rival.user.id, { source: "cart", cartItemIds: rival.lines.map((l) => l.id) })).status).toBe(201);

    const answer = await run(user.id, { source: "cart", cartItemIds: lines.map((l) => l.id) });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ error: { code: "SOLD_OUT", productId: scarce.id } });
    expect(await db.order.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.purchaseCounter.count({ where: { userId: user.id, quantity: { gt: 0 } } })).toBe(0);
    expect((await expectInvariant(plenty.id)).available).toBe(10);
    expect(await redisAvailable(plenty.id)).toBe(10);
    expect((await expectInvariant(scarce.id)).available).toBe(0);
    expect((await getCartView(userOwner(user.id))).lines).toHaveLength(2);
  });

  it("refuses lines of another cart, and a cart checkout without any address", async () => {
    const p = await createProduct();
    const mine = await buyerWithCart([{ id: p.id, quantity: 1 }]);
    const theirs = await buyerWithCart([{ id: p.id, quantity: 1 }]);
    expect(await fieldsOf(run(mine.user.id, { source: "cart", cartItemIds: [mine.lines[0].id, theirs.lines[0].id] }))).toEqual({ code: "VALIDATION", fields: ["cartItemIds.1"] });
    const homeless = await buyerWithCart([{ id: p.id, quantity: 1 }], null);
    expect(await fieldsOf(run(homeless.user.id, { source: "cart", cartItemIds: [homeless.lines[0].id] }))).toEqual({ code: "VALIDATION", fields: ["delivery"] });
    // A one-line address alone (the body before delivery details existed) is not where a parcel can go.
    expect(await fieldsOf(run(homeless.user.id, { source: "cart", cartItemIds: [homeless.lines[0].id], shippingAddress: "부산광역시 해운대구 1" }))).toEqual({ code: "VALIDATION", fields: ["delivery"] });
    expect(await fieldsOf(run(homeless.user.id, { source: "cart", cartItemIds: [homeless.lines[0].id], addressId: randomUUID() }))).toEqual({ code: "VALIDATION", fields: ["addressId"] });
    const given = await run(homeless.user.id, { source: "cart", cartItemIds: [homeless.lines[0].id], delivery: HOME_INPUT });
    expect(given.status).toBe(201);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderIdOf(given) } });
    expect(order.deliveryEnc).not.toContain("세종대로");
    expect(decryptDelivery(order.deliveryEnc!)).toEqual(HOME);
    expect(await db.cartItem.count({ where: { id: theirs.lines[0].id } })).toBe(1);
  });

  it("takes only lines that are still there: a deselected line can be ordered when named, then leaves", async () => {
    const p = await createProduct();
    const { user, lines } = await buyerWithCart([{ id: p.id, quantity: 1 }]);
    await updateCartItem(userOwner(user.id), lines[0].id, { selected: false });
    expect((await run(user.id, { source: "cart", cartItemIds: [lines[0].id] })).status).toBe(201);
    expect(await fieldsOf(run(user.id, { source: "cart", cartItemIds: [lines[0].id] }))).toEqual({ code: "VALIDATION", fields: ["cartItemIds.0"] });
  });
});

describe("checkout from the wishlist and buy-now", () => {
  it("orders wishlisted products, which leave the wishlist; products not on it are refused", async () => {
    const [p, q] = await Promise.all([createProduct({ price: 5_000 }), createProduct()]);
    const user = await createUser({ addressEnc: encrypt(ADDRESS) });
    await giveDefaultAddresses([user.id]);
    await addToWishlist(user.id, p.id);
    await addToWishlist(user.id, q.id);
    expect(await fieldsOf(run(user.id, { source: "wishlist", items: [{ productId: p.id, quantity: 1 }, { productId: (await createProduct()).id, quantity: 1 }] }))).toEqual({
      code: "VALIDATION",
      fields: ["items.1.productId"],
    });
    const answer = await run(user.id, { source: "wishlist", items: [{ productId: p.id, quantity: 2 }] });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ order: { amount: 10_000 } });
    expect((await listWishlist(user.id)).map((i) => i.productId)).toEqual([q.id]);
  });

  it("keeps the original buy-now body working, with the profile's address when there is one", async () => {
    const p = await createProduct();
    const withAddress = await createUser({ addressEnc: encrypt(ADDRESS) });
    const without = await createUser();
    const a = await run(withAddress.id, { items: [{ productId: p.id, quantity: 1 }] });
    const b = await run(without.id, { source: "buy-now", items: [{ productId: p.id, quantity: 1 }] });
    expect([a.status, b.status]).toEqual([201, 201]);
    const [oa, ob] = await Promise.all([orderIdOf(a), orderIdOf(b)].map((id) => db.order.findUniqueOrThrow({ where: { id } })));
    expect(decrypt(oa.shippingAddressEnc!)).toBe(ADDRESS);
    expect(ob.shippingAddressEnc).toBeNull();
  });

  it("snapshots the default address, a chosen saved one, or none (paid only once one is set)", async () => {
    const p = await createProduct();
    const [withBook, without] = await Promise.all([createUser(), createUser()]);
    const office = await createAddress(withBook.id, { ...HOME_INPUT, recipient: "이회사", address: "경기도 성남시 분당구 판교역로 1" });
    await createAddress(withBook.id, { ...HOME_INPUT, isDefault: true });
    const byDefault = await run(withBook.id, { items: [{ productId: p.id, quantity: 1 }] });
    const chosen = await run(withBook.id, { source: "buy-now", items: [{ productId: p.id, quantity: 1 }], addressId: office.id });
    const none = await run(without.id, { source: "buy-now", items: [{ productId: p.id, quantity: 1 }] });
    const [od, oc, on] = await Promise.all([byDefault, chosen, none].map((a) => db.order.findUniqueOrThrow({ where: { id: orderIdOf(a) } })));
    expect(decryptDelivery(od.deliveryEnc!).recipient).toBe("김배송");
    expect(decryptDelivery(oc.deliveryEnc!)).toMatchObject({ recipient: "이회사", address: "경기도 성남시 분당구 판교역로 1" });
    expect(on.deliveryEnc).toBeNull();
    // Someone else's saved address is refused before anything is admitted.
    expect(await fieldsOf(run(without.id, { source: "buy-now", items: [{ productId: p.id, quantity: 1 }], addressId: office.id }))).toEqual({ code: "VALIDATION", fields: ["addressId"] });
    const both = checkoutSchema.safeParse({ source: "buy-now", items: [{ productId: p.id, quantity: 1 }], addressId: office.id, delivery: HOME_INPUT });
    expect(both.error?.issues).toEqual([expect.objectContaining({ path: ["delivery"], message: "choose_one" })]);
  });
});
