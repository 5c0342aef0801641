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

const appLink = (path: string) => `${env.APP_URL.replace(/\/$/, "")}${path}`;

export function passwordResetLink(token: string): string {
  return appLink(`/reset-password?token=${encodeURIComponent(token)}`);
}

export function passwordResetMail(locale: Locale, token: string) {
  const t = messages[locale].accounts.mail;
  const link = passwordResetLink(token);
  return {
    subject: t.resetSubject,
    text: `${t.resetIntro}\n\n${link}\n\n${t.resetExpiry}\n${t.resetIgnore}`,
    html: `<p>${escape(t.resetIntro)}</p><p><a href="${escape(link)}">${escape(t.resetButton)}</a></p><p>${escape(t.resetExpiry)}<br>${escape(t.resetIgnore)}</p>`,
  };
}

/** To the owner of an address someone tried to sign up with again: the page said "mail sent" either way. */
export function accountExistsMail(locale: Locale) {
  const t = messages[locale].accounts.mail;
  const signIn = appLink("/signin");
  const reset = appLink("/forgot-password");
  return {
    subject: t.existsSubject,
    text: `${t.existsIntro}\n\n${t.existsSignIn}: ${signIn}\n${t.existsReset}: ${reset}\n\n${t.existsIgnore}`,
    html: `<p>${escape(t.existsIntro)}</p><p><a href="${escape(signIn)}">${escape(t.existsSignIn)}</a></p><p><a href="${escape(reset)}">${escape(t.existsReset)}</a></p><p>${escape(t.existsIgnore)}</p>`,
  };
}
