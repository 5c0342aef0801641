import "server-only";
// Checkout: turns a request naming its source (cart lines by id, wishlisted products, or buy-now lines)
// into order lines the server prices itself, then places the order through the one stock-engine path
// (placeOrder). The order, its lines leaving the cart/wishlist and the encrypted shipping address are one
// ledger transaction: all lines or none, and nothing leaves the cart unless the order exists.
import { createHash } from "node:crypto";
import { encrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { findStoredAnswer, requestHash } from "./idempotency";
import { placeOrder, type PlaceOptions } from "./place-order";
import type { CheckoutInput, OrderAnswer, OrderLine } from "../schemas";

const invalid = (fields: FieldErrors) => new AppError("VALIDATION", "Invalid input", fields);

/** What identifies the request for Idempotency-Key replays (buy-now keeps the original hash). */
export function checkoutHash(input: CheckoutInput): string {
  const address = input.shippingAddress ?? "";
  if (input.source === "buy-now" && !address) return requestHash(input);
  const what = input.source === "cart" ? [...input.cartItemIds].sort().join(",") : requestHash(input);
  return createHash("sha256").update(`${input.source}|${what}|${address}`).digest("base64url");
}

async function cartLines(userId: string, ids: string[]): Promise<OrderLine[]> {
  const rows = await db.cartItem.findMany({ where: { id: { in: ids }, cart: { userId } }, select: { id: true, productId: true, quantity: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing: FieldErrors = {};
  ids.forEach((id, i) => byId.has(id) || (missing[`cartItemIds.${i}`] = ["Not in your cart"]));
  if (Object.keys(missing).length) throw invalid(missing);
  return ids.map((id) => ({ productId: byId.get(id)!.productId, quantity: byId.get(id)!.quantity }));
}

async function assertWishlisted(userId: string, lines: OrderLine[]): Promise<void> {
  const rows = await db.wishlistItem.findMany({ where: { userId, productId: { in: lines.map((l) => l.productId) } }, select: { productId: true } });
  const have = new Set(rows.map((r) => r.productId));
  const missing: FieldErrors = {};
  lines.forEach((l, i) => have.has(l.productId) || (missing[`items.${i}.productId`] = ["Not on your wishlist"]));
  if (Object.keys(missing).length) throw invalid(missing);
}

/**
 * Where the order's address comes from: the one given (encrypted here), else the profile's, copied by the
 * ledger statement itself (ciphertexts carry their key id, so they are portable between columns). Cart and
 * wishlist checkouts need an address; a bare buy-now may go without — and costs no query before admission.
 */
async function orderAddress(userId: string, input: CheckoutInput): Promise<Pick<PlaceOptions, "shippingAddressEnc" | "profileAddress">> {
  if (input.shippingAddress) return { shippingAddressEnc: encrypt(input.shippingAddress) };
  if (input.source !== "buy-now") {
    const user = await db.user.findUnique({ where: { id: userId }, select: { addressEnc: true } });
    if (!user?.addressEnc) throw invalid({ shippingAddress: ["Enter a shipping address"] });
  }
  return { profileAddress: true };
}

/** POST /api/orders for every source. The answer (201 / 409 refusal / 422) is replayed for the same key. */
export async function checkout(userId: string, key: string, input: CheckoutInput): Promise<OrderAnswer> {
  const hash = checkoutHash(input);
  // A retry of a cart or wishlist checkout that succeeded finds its lines gone: answer from the record first.
  if (input.source !== "buy-now") {
    const stored = await findStoredAnswer(userId, key, hash);
    if (stored) return stored;
  }
  const lines = input.source === "cart" ? await cartLines(userId, input.cartItemIds) : input.items;
  if (input.source === "wishlist") await assertWishlisted(userId, lines);
  return placeOrder(userId, key, { items: lines }, undefined, {
    hash,
    ...(await orderAddress(userId, input)),
    consume: input.source === "cart" ? { cartItemIds: input.cartItemIds } : input.source === "wishlist" ? { wishlistProductIds: lines.map((l) => l.productId) } : undefined,
  });
}
