import "server-only";
// Reads of alerts: a buyer's own (the account page, the product page's island), and the one an unsubscribe
// link names (its page shows what the link cancels before the button is pressed).
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { variantLabel } from "@/lib/variants/types";
import type { AlertView } from "./schemas";
import { alertIdOfToken } from "./token";

const viewSelect = {
  id: true, kind: true, productId: true, variantId: true, sentAt: true, createdAt: true,
  product: { select: { name: true, images: true, saleStartsAt: true, options: { select: { name: true }, orderBy: { position: "asc" } } } },
  variant: { select: { optionValues: true } },
} as const satisfies Prisma.AlertSubscriptionSelect;

type ViewRow = Prisma.AlertSubscriptionGetPayload<{ select: typeof viewSelect }>;

const viewOf = (a: ViewRow): AlertView => ({
  id: a.id,
  kind: a.kind,
  productId: a.productId,
  productName: a.product.name,
  image: a.product.images[0] ?? null,
  variantId: a.variantId,
  variantLabel: a.variant ? variantLabel(a.product.options, a.variant.optionValues) : null,
  opensAt: a.product.saleStartsAt?.toISOString() ?? null,
  sentAt: a.sentAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
});

/** How many alerts a list shows at most (a buyer with more sees the newest). */
export const ALERTS_LIST_MAX = 200;

/** The buyer's alerts that are not cancelled, newest first; of one product when `productId` is given. */
export async function listMyAlerts(userId: string, productId?: string): Promise<AlertView[]> {
  const rows = await db.alertSubscription.findMany({
    where: { userId, cancelledAt: null, product: { status: { not: "DRAFT" } }, ...(productId && { productId }) },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: ALERTS_LIST_MAX,
    select: viewSelect,
  });
  return rows.map(viewOf);
}

export async function alertView(id: string): Promise<AlertView | null> {
  const row = await db.alertSubscription.findUnique({ where: { id }, select: viewSelect });
  return row && viewOf(row);
}

/** The alert an unsubscribe token names and whether it is cancelled already; null for a bad token or a gone alert. */
export async function alertOfToken(token: string): Promise<{ alert: AlertView; cancelled: boolean } | null> {
  const id = alertIdOfToken(token);
  if (!id) return null;
  const row = await db.alertSubscription.findUnique({ where: { id }, select: { ...viewSelect, cancelledAt: true } });
  return row && { alert: viewOf(row), cancelled: row.cancelledAt !== null };
}
