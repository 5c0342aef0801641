import "server-only";
// Checkout sources: turns a request naming its source (cart lines by id, wishlisted products, or buy-now
// lines) into what the order is made of — lines the server prices itself, the shipping address and the
// cart/wishlist rows it consumes. placeOrder (./place-order.ts) asks once the key is claimed. The order,
// its lines leaving the cart/wishlist and the encrypted shipping address are one ledger transaction: all
// lines or none, and nothing leaves the cart unless the order exists.
import { encrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { LedgerInput } from "../ledger/ledger";
import type { CheckoutInput, OrderLine } from "../schemas";

/** What an order is made of: its lines, where its address comes from and the rows it consumes. */
export type OrderContents = Pick<LedgerInput, "lines" | "shippingAddressEnc" | "profileAddress" | "consume">;

const invalid = (fields: FieldErrors) => new AppError("VALIDATION", "Invalid input", fields);

async function cartLines(userId: string, ids: string[]): Promise<OrderLine[]> {
  const rows = await db.cartItem.findMany({ where: { id: { in: ids }, cart: { userId } }, select: { id: true, productId: true, variantId: true, quantity: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing: FieldErrors = {};
  ids.forEach((id, i) => byId.has(id) || (missing[`cartItemIds.${i}`] = ["Not in your cart"]));
  if (Object.keys(missing).length) throw invalid(missing);
  return ids.map((id) => ({ productId: byId.get(id)!.productId, variantId: byId.get(id)!.variantId, quantity: byId.get(id)!.quantity }));
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
async function orderAddress(userId: string, input: CheckoutInput): Promise<Pick<OrderContents, "shippingAddressEnc" | "profileAddress">> {
  if (input.shippingAddress) return { shippingAddressEnc: encrypt(input.shippingAddress) };
  if (input.source !== "buy-now") {
    const user = await db.user.findUnique({ where: { id: userId }, select: { addressEnc: true } });
    if (!user?.addressEnc) throw invalid({ shippingAddress: ["Enter a shipping address"] });
  }
  return { profileAddress: true };
}

/** The order's contents for every source; a source that does not hold (not in the cart, not wishlisted) is a 422. */
export async function orderContents(userId: string, input: CheckoutInput): Promise<OrderContents> {
  const lines = input.source === "cart" ? await cartLines(userId, input.cartItemIds) : input.items;
  if (input.source === "wishlist") await assertWishlisted(userId, lines);
  return {
    lines,
    ...(await orderAddress(userId, input)),
    consume: input.source === "cart" ? { cartItemIds: input.cartItemIds } : input.source === "wishlist" ? { wishlistProductIds: lines.map((l) => l.productId) } : undefined,
  };
}
