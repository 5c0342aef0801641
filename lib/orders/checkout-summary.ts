import "server-only";
// What the checkout page shows before the order is placed: the lines of the chosen source at the
// server's current prices, whether each can be bought now, and the address from the profile. Placing
// the order prices everything again inside the ledger transaction; this is only the preview.
import { getSelectedCartLines } from "@/lib/cart/queries";
import { getBuyableLines } from "@/lib/catalog/queries";
import { decryptOptional } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { lineVariantOf, resolveVariant } from "@/lib/variants/queries";

/** `variantId`/`variantLabel`: the size of the line (docs/variants.md); the label is null without options. */
export type SummaryLine = { key: string; productId: string; variantId?: string; variantLabel: string | null; name: string; image: string | null; unitPrice: number; quantity: number; lineTotal: number; purchasable: boolean };
export type CheckoutSummary = { lines: SummaryLine[]; amount: number; address: string | null };

export type SummaryRequest =
  | { source: "cart" }
  | { source: "wishlist"; productIds: string[] }
  | { source: "buy-now"; productId: string; variantId?: string; quantity: number };

async function productLines(userId: string, wanted: { productId: string; quantity: number }[]): Promise<SummaryLine[]> {
  const lines = await getBuyableLines(userId, wanted);
  return lines.map((l) => ({ key: l.productId, variantLabel: null, ...l, lineTotal: l.unitPrice * l.quantity }));
}

/** Buy-now of one size: the product's line priced and judged for that variant (its units, its difference). */
async function variantLine(userId: string, productId: string, variantId: string | undefined, quantity: number): Promise<SummaryLine[]> {
  const [line] = await productLines(userId, [{ productId, quantity }]);
  if (!line) return [];
  const v = await resolveVariant(db, productId, variantId).catch(() => null);
  if (!v) return [{ ...line, purchasable: false }];
  const unitPrice = line.unitPrice + v.priceDelta;
  return [{ ...line, key: v.id, variantId: v.id, variantLabel: lineVariantOf(v).label, unitPrice, lineTotal: unitPrice * quantity, purchasable: line.purchasable && v.available >= quantity }];
}

async function linesOf(userId: string, req: SummaryRequest): Promise<SummaryLine[]> {
  if (req.source === "cart") {
    const lines = await getSelectedCartLines(userId);
    return lines.map((l) => ({ key: l.id, productId: l.productId, variantId: l.variantId, variantLabel: l.variant.label, name: l.name, image: l.image, unitPrice: l.unitPrice, quantity: l.quantity, lineTotal: l.lineTotal, purchasable: l.purchasable }));
  }
  if (req.source === "wishlist") {
    const onList = await db.wishlistItem.findMany({ where: { userId, productId: { in: req.productIds } }, select: { productId: true } });
    const have = new Set(onList.map((w) => w.productId));
    return productLines(userId, req.productIds.filter((id) => have.has(id)).map((productId) => ({ productId, quantity: 1 })));
  }
  return variantLine(userId, req.productId, req.variantId, req.quantity);
}

export async function getCheckoutSummary(userId: string, req: SummaryRequest): Promise<CheckoutSummary> {
  const [lines, user] = await Promise.all([linesOf(userId, req), db.user.findUnique({ where: { id: userId }, select: { addressEnc: true } })]);
  const amount = lines.filter((l) => l.purchasable).reduce((s, l) => s + l.lineTotal, 0);
  return { lines, amount, address: decryptOptional(user?.addressEnc) };
}
