import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { listDevMail } from "@/lib/mail/queries";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Plain text with its links made clickable (mail bodies are never rendered as HTML here). */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <pre className="whitespace-pre-wrap break-all font-sans text-sm text-zinc-700">
      {parts.map((p, i) =>
        /^https?:\/\//.test(p) ? (
          <a key={i} href={p} className="font-medium text-brand-600 underline">
            {p}
          </a>
        ) : (
          p
        ),
      )}
    </pre>
  );
}

export default async function DevMailboxPage() {
  // Outside production only (or the local demo build): the mailbox shows other people's mail.
  if (env.NODE_ENV === "production" && !env.HURRYUP_DEMO) notFound();
  const [mails, messages, locale] = await Promise.all([listDevMail(), getMessages(), getLocale()]);
  const t = messages.accounts.mailbox;
  return (
    <main className="mx-auto w-full max-w-3xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="text-sm text-zinc-500">{t.note}</p>
      {mails.length === 0 && <p className="text-sm">{t.empty}</p>}
      <ul className="space-y-4">
        {mails.map((m) => (
          <li key={m.id} className="space-y-2 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm" data-testid="mail">
            <p className="text-xs text-zinc-500">
              {t.to}: <span data-testid="mail-to">{m.to}</span> · {t.sentAt}: {formatDateTime(m.createdAt, locale)}
            </p>
            <h2 className="font-semibold">{m.subject}</h2>
            <Linked text={m.text} />
          </li>
        ))}
      </ul>
    </main>
  );
}
