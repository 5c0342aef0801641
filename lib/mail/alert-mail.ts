// Drop alert mails (docs/alerts.md): "opens soon" and "back in stock", in the subscriber's language, with the
// product link and the alert's own unsubscribe link. The mail id is derived from the alert, so however often
// a job runs, one alert is one mail.
import { stableJobId } from "@/lib/jobs/outbox";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { formatDateTime } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";

export type AlertMailFacts = {
  alertId: string;
  kind: "OPENING" | "RESTOCK";
  productId: string;
  productName: string;
  /** The size a restock alert waited for ("사이즈 270"); null for the product as a whole. */
  sizeLabel: string | null;
  /** The drop's opening (OPENING). */
  opensAt: Date | null;
  /** The signed token of the unsubscribe link (lib/alerts/token.ts). */
  token: string;
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const appLink = (path: string) => `${env.APP_URL.replace(/\/$/, "")}${path}`;

export const alertMailId = (alertId: string) => stableJobId(`alert-mail:${alertId}`);
export const productLink = (productId: string) => appLink(`/products/${encodeURIComponent(productId)}`);
export const unsubscribeLink = (token: string) => appLink(`/alerts/unsubscribe?token=${encodeURIComponent(token)}`);

export function alertMail(locale: Locale, f: AlertMailFacts) {
  const t = messages[locale].alerts.mail;
  const values = { name: f.productName, size: f.sizeLabel ?? "", time: f.opensAt ? formatDateTime(f.opensAt, locale) : "" };
  const subject = fill(f.kind === "OPENING" ? t.openingSubject : t.restockSubject, values);
  const body = fill(f.kind === "OPENING" ? t.openingBody : f.sizeLabel ? t.restockBodySize : t.restockBody, values);
  const product = productLink(f.productId);
  const unsubscribe = unsubscribeLink(f.token);
  return {
    id: alertMailId(f.alertId),
    subject,
    text: `${body}\n\n${t.viewProduct}: ${product}\n\n${t.footer}\n${t.unsubscribe}: ${unsubscribe}`,
    html:
      `<p>${escape(body)}</p><p><a href="${escape(product)}">${escape(t.viewProduct)}</a></p>` +
      `<p style="color:#666;font-size:12px">${escape(t.footer)}<br><a href="${escape(unsubscribe)}">${escape(t.unsubscribe)}</a></p>`,
  };
}
