// The terms and privacy pages: placeholder text, marked as such, with the version members agree to.
import { CONSENT_VERSIONS } from "@/lib/accounts/consent-config";
import type { Messages } from "@/lib/i18n/messages";

export function LegalPage({ t, title, version, paragraphs }: { t: Messages["accounts"]; title: string; version: string; paragraphs: readonly string[] }) {
  return (
    <main className="mx-auto w-full max-w-2xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
        {t.legal.placeholder}
      </p>
      <p className="text-sm text-zinc-500">
        {t.legal.version}: {version}
      </p>
      {paragraphs.map((p) => (
        <p key={p} className="text-sm leading-6 text-zinc-700">
          {p}
        </p>
      ))}
    </main>
  );
}

export const legalVersions = CONSENT_VERSIONS;
