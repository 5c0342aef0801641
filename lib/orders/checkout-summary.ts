import "server-only";
// What the checkout page shows before the order is placed: the lines of the chosen source at the
// server's current prices, whether each can be bought now, and the address from the profile. Placing
// the order prices everything again inside the ledger transaction; this is only the preview.
import { clock } from "@/lib/clock";
import { decryptOptional } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { availabilityOf, capFor } from "@/lib/cart/rules";
import { boughtByProduct, factsOf, productSelect } from "@/lib/cart/store";
import { getCartView } from "@/lib/cart/queries";
import { userOwner } from "@/lib/cart/owner";

export type SummaryLine = { key: string; productId: string; name: string; image: string | null; unitPrice: number; quantity: number; lineTotal: number; purchasable: boolean };
export type CheckoutSummary = { lines: SummaryLine[]; amount: number; address: string | null };

export type SummaryRequest =
  | { source: "cart" }
  | { source: "wishlist"; productIds: string[] }
  | { source: "buy-now"; productId: string; quantity: number };

async function productLines(userId: string, wanted: { productId: string; quantity: number }[]): Promise<SummaryLine[]> {
  const products = await db.product.findMany({ where: { id: { in: wanted.map((w) => w.productId) }, status: "ACTIVE" }, select: productSelect });
  const byId = new Map(products.map((p) => [p.id, p]));
  const bought = await boughtByProduct(db, userId, [...byId.keys()]);
  const now = clock.now();
  return wanted.flatMap(({ productId, quantity }) => {
    const p = byId.get(productId);
    if (!p) return [];
    const facts = factsOf(p);
    const ok = availabilityOf(facts, now).state === "available" && quantity <= capFor(facts, bought.get(p.id) ?? 0).max;
    return [{ key: p.id, productId: p.id, name: p.name, image: p.images[0] ?? null, unitPrice: p.price, quantity, lineTotal: p.price * quantity, purchasable: ok }];
  });
}

async function linesOf(userId: string, req: SummaryRequest): Promise<SummaryLine[]> {
  if (req.source === "cart") {
    const cart = await getCartView(userOwner(userId));
    return cart.lines
      .filter((l) => l.selected)
      .map((l) => ({ key: l.id, productId: l.productId, name: l.name, image: l.image, unitPrice: l.unitPrice, quantity: l.quantity, lineTotal: l.lineTotal, purchasable: l.purchasable }));
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
