import "server-only";
// Sign-in merge: the guest cart's lines move into the user's cart, quantities summed and capped by the
// user's per-buyer limits and by stock. The guest cart is consumed in the same transaction.
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { boughtByProduct } from "@/lib/catalog/queries";
import { availabilityOf, capFor } from "@/lib/catalog/sale-rules";
import type { MergeChange, MergeNotice } from "./schemas";
import { lineVariantOf, variantSelect } from "@/lib/variants/queries";
import { lockCart, productSelect, variantFactsOf } from "./store";
import { guestOwner, userOwner } from "./owner";

/**
 * Moves the guest cart behind `guestToken` into `userId`'s cart and returns what changed for each guest
 * line. Idempotent: the guest cart is deleted in the same transaction, so a second call (or a concurrent
 * one, which waits on the guest cart's row lock) finds nothing and returns [].
 */
export async function mergeGuestCart(userId: string, guestToken: string): Promise<MergeChange[]> {
  return db.$transaction(async (tx) => {
    const guestCartId = await lockCart(tx, guestOwner(guestToken), false);
    if (!guestCartId) return [];
    const guestItems = await tx.cartItem.findMany({
      where: { cartId: guestCartId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { productId: true, variantId: true, quantity: true, selected: true, product: { select: productSelect }, variant: { select: variantSelect } },
    });
    await tx.cart.delete({ where: { id: guestCartId } });
    if (guestItems.length === 0) return [];

    const cartId = (await lockCart(tx, userOwner(userId), true))!;
    const productIds = guestItems.map((i) => i.productId);
    const existing = new Map(
      (await tx.cartItem.findMany({ where: { cartId, productId: { in: productIds } } })).map((l) => [l.variantId, l]),
    );
    const bought = await boughtByProduct(tx, userId, productIds);
    const now = clock.now();
    const changes: MergeChange[] = [];

    for (const g of guestItems) {
      const facts = variantFactsOf(g.product, g.variant);
      const ended = availabilityOf(facts, now).state === "ended";
      const cap = capFor(facts, bought.get(g.productId) ?? 0);
      const line = existing.get(g.variantId);
      const previous = line?.quantity ?? 0;
      const wanted = previous + g.quantity;
      // Never take units away from the user's own line, even when its cap has fallen below it.
      const quantity = ended ? previous : Math.max(previous, Math.min(wanted, cap.max));
      const kind: MergeChange["kind"] =
        quantity === previous ? "dropped" : quantity < wanted ? "capped" : line ? "summed" : "added";
      const reason = ended ? "ended" : kind === "capped" || kind === "dropped" ? cap.reason : null;
      changes.push({ productId: g.productId, variantId: g.variantId, variantLabel: lineVariantOf(g.variant).label, name: g.product.name, guestQuantity: g.quantity, previousQuantity: previous, quantity, kind, reason });
      if (quantity === previous) continue;
      if (line) await tx.cartItem.update({ where: { id: line.id }, data: { quantity } });
      else await tx.cartItem.create({ data: { cartId, productId: g.productId, variantId: g.variantId, quantity, selected: g.selected } });
    }

    const notice: MergeNotice = { at: now.toISOString(), changes };
    await tx.cart.update({ where: { id: cartId }, data: { mergeNotice: notice as unknown as Prisma.InputJsonValue, updatedAt: now } });
    return changes;
  });
}
