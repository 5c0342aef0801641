// /alerts/unsubscribe?token=… — an alert mail's unsubscribe link, signed in or not: says which alert the
// link cancels and cancels it with a button (docs/alerts.md).
import type { Metadata } from "next";
import { AuthCard } from "@/components/accounts/auth-card";
import { FormAlert } from "@/components/accounts/field";
import { alertKindName } from "@/components/alerts/my-alerts";
import { UnsubscribeDone, UnsubscribeForm } from "@/components/alerts/unsubscribe-form";
import { alertOfToken } from "@/lib/alerts/queries";
import { fill } from "@/lib/i18n/fill";
import { getMessages } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).alerts.unsubscribe.title, robots: { index: false } };
}

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token: given } = await searchParams;
  const token = typeof given === "string" && given.length <= 120 ? given : null;
  const t = (await getMessages()).alerts;
  const found = token ? await alertOfToken(token) : null;
  if (!token || !found) {
    return (
      <AuthCard title={t.unsubscribe.title}>
        <FormAlert>{t.unsubscribe.invalid}</FormAlert>
      </AuthCard>
    );
  }
  const { alert, cancelled } = found;
  const name = alert.variantLabel ? `${alert.productName} (${alert.variantLabel})` : alert.productName;
  return (
    <AuthCard title={t.unsubscribe.title}>
      {cancelled ? (
        <UnsubscribeDone t={t.unsubscribe} />
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-zinc-700" data-testid="unsubscribe-intro">{fill(t.unsubscribe.intro, { name, kind: alertKindName(alert.kind, t) })}</p>
          <UnsubscribeForm token={token} t={t.unsubscribe} />
        </div>
      )}
    </AuthCard>
  );
}
