// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Handlers of the order outbox events. Both are idempotent: mails carry a deterministic id (stored or
// sent once), and the follow-up step is a delayed job with a deterministic id (scheduled once).
import { z } from "zod";
import { text } from "@/lib/validation";
import { decrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/config";
import { log } from "@/lib/log";
import { orderMail, statusMailKinds, type OrderMailKind } from "@/lib/mail/order-mail";
import { sendMail } from "@/lib/mail/transport";
import { courierName, trackingUrl } from "@/lib/fulfilment/couriers";
import { enteredAt, returnDeadline } from "./steps";
import { scheduleStep, stepStartingAt } from "./schedule";

export const ORDER_CREATED_TOPIC = "order-created";
export const ORDER_STATUS_CHANGED_TOPIC = "order-status-changed";

const createdPayload = z.object({ orderId: text(64).min(1), userId: z.uuid() });
const changedPayload = z.object({ orderId: text(64).min(1), from: text(40).nullable().optional(), to: text(40) });

/**
 * Sends one order mail to the order's buyer, in the buyer's language; skipped for an erased account.
 * `refund`: a REFUNDED mail's amount and the payment it gave back (one mail per refunded payment).
 */
export async function sendOrderMail(orderId: string, kind: OrderMailKind, refund?: { amount: number; paymentKey: string }): Promise<boolean> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { orderName: true, amount: true, holdExpiresAt: true, user: { select: { emailEnc: true, deletedAt: true, locale: true } } },
  });
  if (!order?.user.emailEnc || order.user.deletedAt) {
    log.info({ orderId, kind }, "order mail skipped (no recipient)");
    return false;
  }
  const locale = isLocale(order.user.locale) ? order.user.locale : defaultLocale;
  let time: Date | null = null;
  if (kind === "placed") time = order.holdExpiresAt;
  if (kind === "DELIVERED") {
    const at = await enteredAt(db, orderId, "DELIVERED");
    time = at && returnDeadline(at);
  }
  const detail = await mailDetail(orderId, kind, locale);
  const amount = refund?.amount ?? order.amount;
  const mail = orderMail(locale, kind, { orderId, orderName: order.orderName, amount, time, detail, mailKey: refund?.paymentKey });
  await sendMail({ ...mail, to: decrypt(order.user.emailEnc) });
  return true;
}

/** The shipment's courier (named in the buyer's language), number and tracking page; the seller's reason for a refused return. */
async function mailDetail(orderId: string, kind: OrderMailKind, locale: Locale): Promise<string | null> {
  if (kind === "SHIPPING") {
    const s = await db.shipment.findUnique({ where: { orderId }, select: { courier: true, trackingNumber: true } });
    return s && `${courierName(s.courier, locale)} ${s.trackingNumber} ${trackingUrl(s.courier, s.trackingNumber) ?? ""}`.trim();
  }
  if (kind === "RETURN_REFUSED") {
    const e = await db.orderEvent.findFirst({ where: { orderId, toStatus: "RETURN_REFUSED" }, orderBy: { createdAt: "desc" }, select: { note: true } });
    return e?.note ?? null;
  }
  return null;
}

export async function onOrderCreated(raw: unknown): Promise<void> {
  const { orderId } = createdPayload.parse(raw);
  await sendOrderMail(orderId, "placed");
}

/** Mails the buyer about the move and schedules the next time-based step that starts here. */
export async function onOrderStatusChanged(raw: unknown): Promise<void> {
  const { orderId, to } = changedPayload.parse(raw);
  const step = stepStartingAt(to);
  if (step) await scheduleStep(orderId, step);
  if ((statusMailKinds as readonly string[]).includes(to)) await sendOrderMail(orderId, to as OrderMailKind & OrderStatus);
}
