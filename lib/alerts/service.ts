import "server-only";
// A buyer's alerts (docs/alerts.md): asking (idempotent: one row per buyer, product, kind and size), cancelling
// one's own, and unsubscribing with the mail's token, signed in or not. An opening alert is for a drop that
// has not opened; a restock alert for a size (or a product) that is sold out while its sale is on. Asked
// after T-10 of an opening, the mail goes at once — once: sentAt is set with its outbox event.
import { Prisma } from "@/lib/generated/prisma/client";
import { salePhase } from "@/lib/catalog/sale-rules";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { consumeOrThrow, limiters } from "@/lib/rate-limit";
import { alertKey, claimAlerts, lockAlerts, OPENING_LEAD_MS } from "./fanout";
import { alertView } from "./queries";
import type { AlertView, SubscribeInput } from "./schemas";
import { alertIdOfToken } from "./token";

const notUpcoming = () => new AppError("ALERT_NOT_UPCOMING", "Opening alerts are for drops that have not opened");
const notSoldOut = () => new AppError("ALERT_NOT_SOLD_OUT", "Restock alerts are for sold-out sizes or products while the sale is on");

/** The size an input names: null for none, and for a product's implicit variant (the product itself). */
async function sizeOf(productId: string, variantId: string | undefined): Promise<string | null> {
  if (!variantId) return null;
  const v = await db.productVariant.findFirst({ where: { id: variantId, productId }, select: { id: true, isDefault: true } });
  if (!v) throw notFound("variant");
  return v.isDefault ? null : v.id;
}

/** Asks for an alert; `created` is false when the buyer had asked already (and not cancelled since). */
export async function subscribe(userId: string, input: SubscribeInput): Promise<{ alert: AlertView; created: boolean }> {
  await consumeOrThrow(limiters.alertUser, userId);
  const { productId, kind } = input;
  const product = await db.product.findUnique({ where: { id: productId }, select: { status: true } });
  if (!product || product.status === "DRAFT") throw notFound("product");
  const variantId = await sizeOf(productId, input.variantId);
  const key = alertKey(userId, productId, kind, variantId);

  const { id, created } = await db.$transaction(async (tx) => {
    await lockAlerts(tx, productId, "shared");
    const p = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: { status: true, saleStartsAt: true, saleEndsAt: true, inventory: { select: { available: true } } } });
    const now = clock.nowMs();
    const phase = salePhase(p.saleStartsAt, p.saleEndsAt, now);
    if (kind === "OPENING" && (p.status !== "ACTIVE" || phase !== "upcoming")) throw notUpcoming();
    if (kind === "RESTOCK") {
      const left = variantId ? (await tx.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { available: true } })).available : (p.inventory?.available ?? 0);
      if (p.status !== "ACTIVE" || phase !== "open" || left > 0) throw notSoldOut();
    }
    const before = await tx.alertSubscription.findUnique({ where: { key }, select: { cancelledAt: true } });
    // Two first requests at once: the second insert meets the first row and takes it over.
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "AlertSubscription" (id, "key", "userId", "productId", kind, "variantId", "updatedAt")
      VALUES (gen_random_uuid(), ${key}, ${userId}::uuid, ${productId}::uuid, ${kind}::"AlertKind", ${variantId}::uuid, ${clock.now()})
      ON CONFLICT ("key") DO UPDATE SET "cancelledAt" = NULL, "updatedAt" = EXCLUDED."updatedAt"
      RETURNING id::text`;
    // Asked inside the last ten minutes: no T-10 job is left to mail it, so it is mailed now (if it never was).
    if (kind === "OPENING" && now >= p.saleStartsAt!.getTime() - OPENING_LEAD_MS) await claimAlerts(tx, Prisma.sql`id = ${row.id}::uuid`, 1);
    return { id: row.id, created: !before || before.cancelledAt !== null };
  });
  return { alert: (await alertView(id))!, created };
}

/** Cancels one of the buyer's alerts (also when cancelled already); anyone else's is 404. */
export async function cancelAlert(userId: string, alertId: string): Promise<void> {
  await consumeOrThrow(limiters.alertUser, userId);
  const { count } = await db.alertSubscription.updateMany({ where: { id: alertId, userId, cancelledAt: null }, data: { cancelledAt: clock.now() } });
  if (!count && !(await db.alertSubscription.count({ where: { id: alertId, userId } }))) throw notFound("alert");
}

/**
 * The mail's unsubscribe link, signed in or not: cancels the alert the token names (also when cancelled
 * already) and answers with it. A token whose signature fails, or whose alert is gone, is 404.
 */
export async function unsubscribeByToken(token: string): Promise<{ alert: AlertView; unsubscribed: true }> {
  const id = alertIdOfToken(token);
  if (!id) throw notFound("alert");
  await db.alertSubscription.updateMany({ where: { id, cancelledAt: null }, data: { cancelledAt: clock.now() } });
  const alert = await alertView(id);
  if (!alert) throw notFound("alert");
  return { alert, unsubscribed: true };
}
