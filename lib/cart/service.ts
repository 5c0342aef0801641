import "server-only";
// Changes to a cart. Each runs in one transaction holding the cart's row lock, so concurrent adds to one
// cart sum correctly; quantities are clamped to the shopper's cap and the cap is reported back.
import { clock } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { consumeOrThrow, limiters } from "@/lib/rate-limit";
import { Prisma } from "@/lib/generated/prisma/client";
import { boughtByProduct } from "@/lib/catalog/queries";
import { availabilityOf, capFor } from "@/lib/catalog/sale-rules";
import { viewOf } from "./queries";
import { clampQuantity } from "./rules";
import type { AddCartItemInput, AddResult, CartView, UpdateCartItemInput } from "./schemas";
import { resolveVariant } from "@/lib/variants/queries";
import { loadLines, lockCart, productSelect, variantFactsOf } from "./store";
import type { CartOwner } from "./owner";

const userIdOf = (o: CartOwner) => (o.kind === "user" ? o.userId : null);

async function viewIn(tx: Tx, cartId: string, owner: CartOwner): Promise<CartView> {
  const cart = await tx.cart.findUniqueOrThrow({ where: { id: cartId }, select: { mergeNotice: true } });
  return viewOf(await loadLines(tx, cartId, userIdOf(owner)), cart.mergeNotice);
}

/** The sale rules for one variant: the product's window and per-buyer limit (across its variants), the variant's units. */
async function capOf(tx: Tx, owner: CartOwner, productId: string, variantId?: string) {
  const product = await tx.product.findUnique({ where: { id: productId }, select: productSelect });
  if (!product || product.status === "DRAFT") throw notFound("product");
  const variant = await resolveVariant(tx, productId, variantId);
  const bought = (await boughtByProduct(tx, userIdOf(owner), [productId])).get(productId) ?? 0;
  const facts = variantFactsOf(product, variant);
  return { product, variant, availability: availabilityOf(facts, clock.now()), cap: capFor(facts, bought) };
}

/** The client a request came from: a cookie-less guest's add creates a cart, limited per address. */
export type CartClient = { ip: string };

/**
 * Adds units of a product; an existing line's quantity is summed, then capped. A guest's cart is created
 * here, by the first add that succeeds, never by a read. `client` is the requesting client (routes and
 * actions pass it); in-process callers (jobs, tests) are no client and are not limited.
 */
export async function addCartItem(owner: CartOwner, input: AddCartItemInput, client?: CartClient): Promise<{ result: AddResult; cart: CartView }> {
  return db.$transaction((tx) => addCartItemIn(tx, owner, input, client));
}

/** addCartItem inside a caller's transaction (the wishlist's move-to-cart). */
export async function addCartItemIn(tx: Tx, owner: CartOwner, input: AddCartItemInput, client?: CartClient): Promise<{ result: AddResult; cart: CartView }> {
  const { variant, availability, cap } = await capOf(tx, owner, input.productId, input.variantId);
  if (availability.state === "ended") throw new AppError("ENDED", "This product's sale has ended");
  if (availability.state === "sold_out" || (cap.max === 0 && cap.reason !== "limit")) throw new AppError("SOLD_OUT", "This product is sold out");
  if (cap.max === 0) throw new AppError("LIMIT_EXCEEDED", "You already have the most units allowed per buyer", undefined, { maxQuantity: 0 });
  const cartId = (await lockCart(tx, owner, false)) ?? (await createCart(tx, owner, client));
  const line = await tx.cartItem.findUnique({ where: { cartId_variantId: { cartId, variantId: variant.id } } });
  const current = line?.quantity ?? 0;
  const quantity = clampQuantity(current + input.quantity, current, cap.max);
  if (line) await tx.cartItem.update({ where: { id: line.id }, data: { quantity } });
  else await tx.cartItem.create({ data: { cartId, productId: input.productId, variantId: variant.id, quantity } });
  await tx.cart.update({ where: { id: cartId }, data: { updatedAt: clock.now() } });
  const result: AddResult = {
    productId: input.productId,
    variantId: variant.id,
    requested: current + input.quantity,
    quantity,
    capped: quantity < current + input.quantity,
    maxQuantity: cap.max,
    capReason: cap.reason,
  };
  return { result, cart: await viewIn(tx, cartId, owner) };
}

/**
 * A new cart, locked. A guest's counts against its client address first: any well-formed token the
 * client makes up would otherwise be a new row (the check is on creation, not on the cookie).
 */
async function createCart(tx: Tx, owner: CartOwner, client?: CartClient): Promise<string> {
  if (owner.kind === "guest" && client) await consumeOrThrow(limiters.guestCartIp, client.ip);
  return (await lockCart(tx, owner, true))!;
}

/** Changes a line's quantity (clamped like an add) and/or its selection. Another cart's line is 404. */
export async function updateCartItem(owner: CartOwner, itemId: string, input: UpdateCartItemInput): Promise<CartView> {
  return db.$transaction(async (tx) => {
    const cartId = await lockCart(tx, owner, false);
    const line = cartId && (await tx.cartItem.findFirst({ where: { id: itemId, cartId } }));
    if (!cartId || !line) throw notFound("cart item");
    const data: { quantity?: number; selected?: boolean } = {};
    if (input.selected !== undefined) data.selected = input.selected;
    if (input.quantity !== undefined) {
      const { cap } = await capOf(tx, owner, line.productId, line.variantId).catch(() => ({ cap: { max: 0 } }));
      data.quantity = clampQuantity(input.quantity, line.quantity, cap.max);
    }
    await tx.cartItem.update({ where: { id: line.id }, data });
    return viewIn(tx, cartId, owner);
  });
}

export async function removeCartItem(owner: CartOwner, itemId: string): Promise<CartView> {
  return db.$transaction(async (tx) => {
    const cartId = await lockCart(tx, owner, false);
    const removed = cartId ? await tx.cartItem.deleteMany({ where: { id: itemId, cartId } }) : { count: 0 };
    if (!cartId || removed.count === 0) throw notFound("cart item");
    return viewIn(tx, cartId, owner);
  });
}

export async function setAllSelected(owner: CartOwner, selected: boolean): Promise<CartView> {
  return db.$transaction(async (tx) => {
    const cartId = await lockCart(tx, owner, false);
    if (!cartId) return viewOf([], null);
    await tx.cartItem.updateMany({ where: { cartId }, data: { selected } });
    return viewIn(tx, cartId, owner);
  });
}

/** The merge notice has been seen. */
export async function dismissMergeNotice(userId: string): Promise<void> {
  await db.cart.updateMany({ where: { userId }, data: { mergeNotice: Prisma.DbNull } });
}
