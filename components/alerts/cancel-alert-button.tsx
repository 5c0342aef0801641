"use client";
// Cancels one alert from the account page (a form, so it works before the page's scripts run); the action
// renders the page's list again. The button's name says which alert it cancels.
import { useActionState } from "react";
import { Form } from "@/components/ui/form";
import { failureOf } from "@/lib/action-state";
import { cancelAlertFormAction } from "@/lib/alerts/actions";

export function CancelAlertButton({ alertId, label, ariaLabel, errorText }: { alertId: string; label: string; ariaLabel: string; errorText: string }) {
  const [state, action, pending] = useActionState(cancelAlertFormAction, null);
  return (
    <Form action={action} className="shrink-0 text-right">
      <input type="hidden" name="alertId" value={alertId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={ariaLabel}
        className="rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm font-semibold text-zinc-800 hover:bg-zinc-100 disabled:opacity-60"
      >
        {label}
      </button>
      {failureOf(state) && <p role="alert" className="mt-1 text-xs text-red-700">{errorText}</p>}
    </Form>
  );
}
