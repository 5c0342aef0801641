import "server-only";
// What the checkout page shows before the order is placed: the lines of the chosen source at the
// server's current prices, whether each can be bought now, and the address from the profile. Placing
// the order prices everything again inside the ledger transaction; this is only the preview.
import { getSelectedCartLines } from "@/lib/cart/queries";
import { getBuyableLines } from "@/lib/catalog/queries";
import { decryptOptional } from "@/lib/crypto/aead";
import { db } from "@/lib/db";

export type SummaryLine = { key: string; productId: string; name: string; image: string | null; unitPrice: number; quantity: number; lineTotal: number; purchasable: boolean };
export type CheckoutSummary = { lines: SummaryLine[]; amount: number; address: string | null };

export type SummaryRequest =
  | { source: "cart" }
  | { source: "wishlist"; productIds: string[] }
  | { source: "buy-now"; productId: string; quantity: number };

async function productLines(userId: string, wanted: { productId: string; quantity: number }[]): Promise<SummaryLine[]> {
  const lines = await getBuyableLines(userId, wanted);
  return lines.map((l) => ({ key: l.productId, ...l, lineTotal: l.unitPrice * l.quantity }));
}

async function linesOf(userId: string, req: SummaryRequest): Promise<SummaryLine[]> {
  if (req.source === "cart") {
    const lines = await getSelectedCartLines(userId);
    return lines.map((l) => ({ key: l.id, productId: l.productId, name: l.name, image: l.image, unitPrice: l.unitPrice, quantity: l.quantity, lineTotal: l.lineTotal, purchasable: l.purchasable }));
  }
  if (req.source === "wishlist") {
    const onList = await db.wishlistItem.findMany({ where: { userId, productId: { in: req.productIds } }, select: { productId: true } });
    const have = new Set(onList.map((w) => w.productId));
    return productLines(userId, req.productIds.filter((id) => have.has(id)).map((productId) => ({ productId, quantity: 1 })));
  }
  return productLines(userId, [{ productId: req.productId, quantity: req.quantity }]);
}

export async function getCheckoutSummary(userId: string, req: SummaryRequest): Promise<CheckoutSummary> {
  const [lines, user] = await Promise.all([linesOf(userId, req), db.user.findUnique({ where: { id: userId }, select: { addressEnc: true } })]);
  const amount = lines.filter((l) => l.purchasable).reduce((s, l) => s + l.lineTotal, 0);
  return { lines, amount, address: decryptOptional(user?.addressEnc) };
}
