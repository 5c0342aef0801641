// The account page's list of the buyer's alerts (server component): what each waits for, whether its mail
// went out, and a cancel button per alert (cancel-alert-button.tsx).
import Link from "next/link";
import type { AlertView } from "@/lib/alerts/schemas";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { formatDateTime } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import { CancelAlertButton } from "./cancel-alert-button";

export const alertKindName = (kind: AlertView["kind"], t: Messages["alerts"]) => (kind === "OPENING" ? t.account.opening : t.account.restock);

export function MyAlerts({ alerts, t, locale }: { alerts: AlertView[]; t: Messages["alerts"]; locale: Locale }) {
  if (!alerts.length) return <p className="text-sm text-zinc-600">{t.account.empty}</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white" data-testid="my-alerts">
      {alerts.map((a) => {
        const kind = alertKindName(a.kind, t);
        const name = a.variantLabel ? `${a.productName} (${a.variantLabel})` : a.productName;
        return (
          <li key={a.id} className="flex items-center justify-between gap-4 px-4 py-3" data-testid="my-alert">
            <div className="min-w-0 text-sm">
              <p className="truncate font-medium">
                <Link href={`/products/${a.productId}`} className="hover:underline">{a.productName}</Link>
                {a.variantLabel && <span className="ml-1 text-zinc-600">({a.variantLabel})</span>}
              </p>
              <p className="text-xs text-zinc-500">
                {kind}
                {a.kind === "OPENING" && a.opensAt && ` · ${fill(t.account.opensAt, { time: formatDateTime(a.opensAt, locale) })}`}
                {" · "}
                {a.sentAt ? fill(t.account.sent, { time: formatDateTime(a.sentAt, locale) }) : t.account.waiting}
              </p>
            </div>
            <CancelAlertButton alertId={a.id} label={t.account.cancel} ariaLabel={fill(t.account.cancelLabel, { name, kind })} errorText={t.errorGeneric} />
          </li>
        );
      })}
    </ul>
  );
}
