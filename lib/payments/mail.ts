// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// The "payment complete" mail, sent by the worker from the outbox event written with PAID. The address
// is read (and decrypted) here, so it never sits in the job tables. Users have no stored language yet: ko.
import { createHash } from "node:crypto";
import { z } from "zod";
import { text } from "@/lib/validation";
import { decrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { formatPrice } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { sendMail } from "@/lib/mail/transport";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const payloadSchema = z.object({ orderId: text(64).min(6) });

export async function sendPaidMail(raw: unknown): Promise<void> {
  const { orderId } = payloadSchema.parse(raw);
  const order = await db.order.findUnique({ where: { id: orderId }, select: { orderName: true, amount: true, user: { select: { emailEnc: true, deletedAt: true } } } });
  if (!order?.user.emailEnc || order.user.deletedAt) return;
  const t = messages.ko.payments;
  const body = t.mailPaidBody.replace("{orderName}", order.orderName).replace("{amount}", formatPrice(order.amount));
  const link = `${env.APP_URL.replace(/\/$/, "")}/orders/${encodeURIComponent(orderId)}`;
  await sendMail({
    // a stable id per order: a retried job replaces, rather than repeats, the mail in the dev mailbox
    id: uuidFrom(orderId),
    to: decrypt(order.user.emailEnc),
    subject: t.mailPaidSubject,
    text: `${body}\n\n${link}`,
    html: `<p>${escape(body)}</p><p><a href="${escape(link)}">${escape(t.mailOrderLink)}</a></p>`,
  });
}

const refundPayloadSchema = z.object({ orderId: text(64).min(6), paymentKey: text(200).min(1), amount: z.number().int() });

/** "Your payment was cancelled": written with every refund that Toss made (ours, a compensation, or the console's). */
export async function sendRefundMail(raw: unknown): Promise<void> {
  const { orderId, paymentKey, amount } = refundPayloadSchema.parse(raw);
  const order = await db.order.findUnique({ where: { id: orderId }, select: { orderName: true, user: { select: { emailEnc: true, deletedAt: true } } } });
  if (!order?.user.emailEnc || order.user.deletedAt) return;
  const t = messages.ko.payments;
  const body = t.mailRefundBody.replace("{orderName}", order.orderName).replace("{amount}", formatPrice(amount));
  const link = `${env.APP_URL.replace(/\/$/, "")}/orders/${encodeURIComponent(orderId)}`;
  await sendMail({
    id: uuidFrom(paymentKey, "refund-mail"),
    to: decrypt(order.user.emailEnc),
    subject: t.mailRefundSubject,
    text: `${body}\n\n${link}`,
    html: `<p>${escape(body)}</p><p><a href="${escape(link)}">${escape(t.mailOrderLink)}</a></p>`,
  });
}

function uuidFrom(seed: string, kind = "paid-mail"): string {
  const h = createHash("sha256").update(`${kind}:${seed}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
