// Mail bodies, in the recipient's language (chosen at sign-up). Plain text plus simple escaped HTML.
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function verificationLink(token: string): string {
  return `${env.APP_URL.replace(/\/$/, "")}/verify?token=${encodeURIComponent(token)}`;
}

export function verificationMail(locale: Locale, token: string) {
  const t = messages[locale].accounts.mail;
  const link = verificationLink(token);
  return {
    subject: t.verifySubject,
    text: `${t.verifyIntro}\n\n${link}\n\n${t.verifyExpiry}\n${t.verifyIgnore}`,
    html: `<p>${escape(t.verifyIntro)}</p><p><a href="${escape(link)}">${escape(t.verifyButton)}</a></p><p>${escape(t.verifyExpiry)}<br>${escape(t.verifyIgnore)}</p>`,
  };
}
