// Order mails (placed, paid, shipped, delivered, cancelled, refunded, return requested, returned, return
// refused), in the buyer's language (User.locale). The mail id is derived from order and kind (and, for a
// refund, the refunded payment), so a retried job stores or sends the mail once.
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { stableJobId } from "@/lib/jobs/outbox";

/** The mails sent when an order enters the status of the same name (lib/orders/lifecycle/notify.ts). */
export const statusMailKinds = ["SHIPPING", "DELIVERED", "CANCELLED", "RETURN_REQUESTED", "RETURNED", "RETURN_REFUSED"] as const;
/** `placed`: the order was taken; PAID and REFUNDED follow the money (lib/payments/mail.ts). */
export type OrderMailKind = "placed" | "PAID" | "REFUNDED" | (typeof statusMailKinds)[number];
export const orderMailKinds: readonly OrderMailKind[] = ["placed", "PAID", ...statusMailKinds, "REFUNDED"];

/**
 * `amount`: the order's, or for REFUNDED the amount given back. `detail`: a line after the body (the courier
 * and tracking link of a shipment, the seller's reason of a refusal). `mailKey`: what makes one mail of its
 * kind unique beyond the order (a refund's paymentKey: compensations refund other payments of one order).
 */
export type OrderMailFacts = { orderId: string; orderName: string; amount: number; time: Date | null; detail?: string | null; mailKey?: string };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function orderMailId(orderId: string, kind: OrderMailKind, mailKey?: string): string {
  return stableJobId(`order-mail:${orderId}:${kind}${mailKey ? `:${mailKey}` : ""}`);
}

export const orderLink = (orderId: string) => `${env.APP_URL.replace(/\/$/, "")}/orders/${encodeURIComponent(orderId)}`;

export function orderMail(locale: Locale, kind: OrderMailKind, facts: OrderMailFacts) {
  const t = messages[locale].orders.mail;
  const values = {
    id: facts.orderId,
    name: facts.orderName,
    amount: formatPrice(facts.amount),
    time: facts.time ? formatDateTime(facts.time, locale) : "",
  };
  const subject = fill(t[`${kind}Subject`], values);
  const body = fill(t[`${kind}Body`], values) + (facts.detail ? `\n${facts.detail}` : "");
  const link = orderLink(facts.orderId);
  return {
    id: orderMailId(facts.orderId, kind, facts.mailKey),
    subject,
    text: `${body}\n\n${t.viewOrder}: ${link}`,
    html: `<p>${escape(body).replace(/\n/g, "<br>")}</p><p><a href="${escape(link)}">${escape(t.viewOrder)}</a></p>`,
  };
}
