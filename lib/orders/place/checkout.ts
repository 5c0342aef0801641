import "server-only";
// Checkout sources: turns a request naming its source (cart lines by id, wishlisted products, or buy-now
// lines) into what the order is made of — lines the server prices itself, the shipping address and the
// cart/wishlist rows it consumes. placeOrder (./place-order.ts) asks once the key is claimed. The order,
// its lines leaving the cart/wishlist and the encrypted shipping address are one ledger transaction: all
// lines or none, and nothing leaves the cart unless the order exists.
import { getDefaultAddressCiphertext } from "@/lib/addresses/queries";
import { encrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { deliveryCiphertext } from "../delivery";
import type { LedgerInput } from "../ledger/ledger";
import type { CheckoutInput, OrderLine } from "../schemas";

/** What an order is made of: its lines, where its address comes from and the rows it consumes. */
export type OrderContents = Pick<LedgerInput, "lines" | "shippingAddressEnc" | "profileAddress" | "deliveryEnc" | "consume">;

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
 * The legacy one-line address (before delivery details existed): the one given (encrypted here), else the
 * profile's, copied by the ledger statement itself (ciphertexts carry their key id, so they are portable
 * between columns). What an order needs now is its delivery snapshot (orderDelivery below).
 */
function orderAddress(input: CheckoutInput): Pick<OrderContents, "shippingAddressEnc" | "profileAddress"> {
  return input.shippingAddress ? { shippingAddressEnc: encrypt(input.shippingAddress) } : { profileAddress: true };
}

/**
 * The delivery snapshot: the details given, or the saved entry named (its ciphertext copied); neither, the
 * ledger copies the default entry. A cart or wishlist checkout is a page where the buyer chose: it must end
 * with a delivery snapshot (422 otherwise). A buy-now may go without (no query before admission); its
 * order then asks for one before it can be paid (lib/orders/delivery-rule.ts).
 */
async function orderDelivery(userId: string, input: CheckoutInput): Promise<string | null> {
  if (input.addressId || input.delivery) return deliveryCiphertext(userId, { addressId: input.addressId, delivery: input.delivery });
  if (input.source !== "buy-now" && !(await getDefaultAddressCiphertext(userId))) throw invalid({ delivery: ["required"] });
  return null;
}

/** The order's contents for every source; a source that does not hold (not in the cart, not wishlisted) is a 422. */
export async function orderContents(userId: string, input: CheckoutInput): Promise<OrderContents> {
  const lines = input.source === "cart" ? await cartLines(userId, input.cartItemIds) : input.items;
  if (input.source === "wishlist") await assertWishlisted(userId, lines);
  return {
    lines,
    ...orderAddress(input),
    deliveryEnc: await orderDelivery(userId, input),
    consume: input.source === "cart" ? { cartItemIds: input.cartItemIds } : input.source === "wishlist" ? { wishlistProductIds: lines.map((l) => l.productId) } : undefined,
  };
}
