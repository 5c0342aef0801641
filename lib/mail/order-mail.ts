// Order mails (placed, shipped, delivered, cancelled, return requested, returned), in the recipient's
// language. The mail id is derived from order and kind, so a retried job stores or sends the mail once.
import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { formatDateTime, formatPrice } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";

export type OrderMailKind = "placed" | "SHIPPING" | "DELIVERED" | "CANCELLED" | "RETURN_REQUESTED" | "RETURNED" | "RETURN_REFUSED";
export const orderMailKinds: readonly OrderMailKind[] = ["placed", "SHIPPING", "DELIVERED", "CANCELLED", "RETURN_REQUESTED", "RETURNED", "RETURN_REFUSED"];

/** `detail`: a line after the body (the courier and tracking link of a shipment, the seller's reason of a refusal). */
export type OrderMailFacts = { orderId: string; orderName: string; amount: number; time: Date | null; detail?: string | null };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function orderMailId(orderId: string, kind: OrderMailKind): string {
  const h = createHash("sha256").update(`order-mail:${orderId}:${kind}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
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
    id: orderMailId(facts.orderId, kind),
    subject,
    text: `${body}\n\n${t.viewOrder}: ${link}`,
    html: `<p>${escape(body).replace(/\n/g, "<br>")}</p><p><a href="${escape(link)}">${escape(t.viewOrder)}</a></p>`,
  };
}
