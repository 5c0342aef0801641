"use client";
// One alert button of the product page (an island of the cached page): ask for an opening or a restock alert,
// see that it is asked, cancel it. One button that keeps its place and focus while its words change, and a
// polite status line that says what was asked. Guests are sent to sign in and brought back, where the alert
// is then asked (alert-after-sign-in.tsx). Inert until the viewer and their alerts are known.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { errorText } from "@/components/ui/error-text";
import type { ActionError } from "@/lib/action-state";
import { cancelAlertAction, subscribeAlertAction } from "@/lib/alerts/actions";
import type { Messages } from "@/lib/i18n/messages";
import { callbackWithAlert } from "./alert-after-sign-in";
import { useProductAlerts } from "./use-product-alerts";

type Props = {
  productId: string;
  kind: "OPENING" | "RESTOCK";
  /** The size a restock alert waits for; null for the whole product. */
  variantId: string | null;
  labels: { ask: string; on: string; cancel: string };
  t: Messages["alerts"];
  className?: string;
};

export function AlertToggle({ productId, kind, variantId, labels, t, className }: Props) {
  const { signedIn, ready, alerts, added, removed } = useProductAlerts(productId);
  const mine = alerts.find((a) => a.kind === kind && a.variantId === variantId);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const router = useRouter();

  function toggle() {
    if (pending) return; // busy, not disabled: a disabled button would drop the keyboard's focus
    setError(null);
    if (!signedIn) return router.push(callbackWithAlert(kind, variantId));
    startTransition(async () => {
      const res = mine ? await cancelAlertAction({ alertId: mine.id }) : await subscribeAlertAction({ productId, kind, ...(variantId && { variantId }) });
      if (res.ok) {
        if ("alert" in res.data) added(res.data.alert);
        else if (mine) removed(mine.id);
      } else if (res.error.code === "UNAUTHENTICATED") router.push(callbackWithAlert(kind, variantId));
      else setError(res.error);
    });
  }

  return (
    <div className={className} data-testid="alert" data-kind={kind} data-on={mine ? "true" : "false"}>
      <button
        type="button"
        onClick={toggle}
        disabled={!ready}
        aria-busy={pending || !ready}
        aria-disabled={pending || undefined}
        className={`w-full rounded-lg px-4 py-2 text-sm font-semibold disabled:opacity-60 ${mine ? "border border-neutral-300 bg-white text-neutral-800 hover:bg-neutral-100" : "bg-brand-500 text-white hover:bg-brand-600"}`}
      >
        {mine ? labels.cancel : labels.ask}
      </button>
      <p role="status" className="mt-1 text-sm text-neutral-700">{mine ? labels.on : ""}</p>
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {errorText(error.code, t)}{" "}
          {error.code === "EMAIL_NOT_VERIFIED" && <Link href="/account" className="underline">{t.verifyLink}</Link>}
        </p>
      )}
    </div>
  );
}
