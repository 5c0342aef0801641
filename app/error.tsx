"use client";
// Error boundary of every page. A client component cannot read the locale cookie's messages on the
// server, so it reads <html lang> (set by the root layout) and picks the matching messages.
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { isLocale, type Locale } from "@/lib/i18n/config";
import * as common from "@/lib/i18n/messages/common";

const noSubscription = () => () => {};

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const lang = useSyncExternalStore(noSubscription, () => document.documentElement.lang, () => "ko");
  const locale: Locale = isLocale(lang) ? lang : "ko";
  const t = common[locale];
  return (
    <main className="mx-auto flex max-w-xl flex-col items-center gap-4 px-4 py-24 text-center">
      <p className="text-6xl font-black text-brand-500">!</p>
      <h1 className="text-2xl font-bold">{t.errorTitle}</h1>
      <p className="text-neutral-600">{t.errorBody}</p>
      <div className="flex gap-3">
        <button type="button" onClick={reset} className="rounded-lg bg-neutral-900 px-5 py-2 font-semibold text-white hover:bg-neutral-700">
          {t.retry}
        </button>
        <Link href="/" className="rounded-lg border border-neutral-300 px-5 py-2 font-semibold hover:bg-neutral-100">
          {t.backHome}
        </Link>
      </div>
    </main>
  );
}
