import "server-only";
// Row-level helpers shared by the cart's queries and services: finding and locking a cart, and turning
// its rows into lines with live availability and caps.
import { clock } from "@/lib/clock";
import type { Db, Tx } from "@/lib/db";
import { boughtByProduct } from "@/lib/catalog/queries";
import { availabilityOf, capFor, factsOf, productFactsSelect, type ProductFactsRow } from "@/lib/catalog/sale-rules";
import { lineVariantOf, variantSelect, type VariantRow } from "@/lib/variants/queries";
import type { CartLine } from "./schemas";
import type { CartOwner } from "./owner";

type Client = Db | Tx;

/** What a cart line shows of a product, plus the facts the sale rules read. */
export const productSelect = {
  id: true,
  name: true,
  images: true,
  price: true,
  ...productFactsSelect,
} as const;

export type ProductRow = ProductFactsRow & {
  id: string;
  name: string;
  images: string[];
  price: number;
};

export const ownerWhere = (o: CartOwner) => (o.kind === "user" ? { userId: o.userId } : { guestTokenHash: o.tokenHash });

/**
 * The owner's cart id, locked FOR UPDATE until the transaction ends so that every change to one cart
 * (adds, merges) runs one at a time. With `create`, a missing cart is made first (race-free).
 */
export async function lockCart(tx: Tx, owner: CartOwner, create: boolean): Promise<string | null> {
  if (owner.kind === "user") {
    if (create)
      await tx.$executeRaw`INSERT INTO "Cart" ("id", "userId", "updatedAt") VALUES (gen_random_uuid(), ${owner.userId}::uuid, now()) ON CONFLICT DO NOTHING`;
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Cart" WHERE "userId" = ${owner.userId}::uuid FOR UPDATE`;
    return rows[0]?.id ?? null;
  }
  if (create)
    await tx.$executeRaw`INSERT INTO "Cart" ("id", "guestTokenHash", "updatedAt") VALUES (gen_random_uuid(), ${owner.tokenHash}, now()) ON CONFLICT DO NOTHING`;
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Cart" WHERE "guestTokenHash" = ${owner.tokenHash} FOR UPDATE`;
  return rows[0]?.id ?? null;
}

type ItemRow = { id: string; productId: string; variantId: string; quantity: number; selected: boolean; product: ProductRow; variant: VariantRow };

/** The sale rules' facts of one variant: the product's window and limit, the variant's units. */
export const variantFactsOf = (product: ProductRow, variant: { available: number }) => ({ ...factsOf(product), available: variant.available });

export function toLine(item: ItemRow, bought: number, now = clock.now()): CartLine {
  const facts = variantFactsOf(item.product, item.variant);
  const unitPrice = item.product.price + item.variant.priceDelta;
  const availability = availabilityOf(facts, now);
  const cap = capFor(facts, bought);
  return {
    id: item.id,
    productId: item.productId,
    variantId: item.variantId,
    variant: lineVariantOf(item.variant),
    name: item.product.name,
    image: item.product.images[0] ?? null,
    unitPrice,
    quantity: item.quantity,
    selected: item.selected,
    lineTotal: item.quantity * unitPrice,
    availability,
    maxQuantity: cap.max,
    capReason: cap.reason,
    purchasable: availability.state === "available" && item.quantity <= cap.max,
  };
}

/** The cart's lines, oldest first, with live availability and caps for `userId` (null for a guest). */
export async function loadLines(client: Client, cartId: string, userId: string | null): Promise<CartLine[]> {
  const items = await client.cartItem.findMany({
    where: { cartId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, productId: true, variantId: true, quantity: true, selected: true, product: { select: productSelect }, variant: { select: variantSelect } },
  });
  const bought = await boughtByProduct(client, userId, items.map((i) => i.productId));
  const now = clock.now();
  return items.map((i) => toLine(i, bought.get(i.productId) ?? 0, now));
}
