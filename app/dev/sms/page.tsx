import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { formatMobile } from "@/lib/accounts/phone-number";
import { listDevSms } from "@/lib/sms/queries";

export const metadata: Metadata = { title: "SMS outbox", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function DevSmsPage() {
  // Outside production only (or the local demo build): the outbox shows other people's codes.
  if (env.NODE_ENV === "production" && !env.HURRYUP_DEMO) notFound();
  const [messages, locale, list] = await Promise.all([getMessages(), getLocale(), listDevSms()]);
  const t = messages.phone.outboxPage;
  return (
    <main className="mx-auto w-full max-w-3xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="text-sm text-zinc-500">{t.note}</p>
      {list.length === 0 && <p className="text-sm">{t.empty}</p>}
      <ul className="space-y-3">
        {list.map((m) => (
          <li key={m.id} className="space-y-1 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm" data-testid="sms">
            <p className="text-xs text-zinc-500">
              {t.to}: <span data-testid="sms-to">{formatMobile(m.to)}</span> · {t.sentAt}: {formatDateTime(m.createdAt, locale)}
            </p>
            <p className="text-sm" data-testid="sms-text">{m.text}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
